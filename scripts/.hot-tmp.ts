import { hotSpots, largestProfile } from './bench/cpuprof.ts';
const h = hotSpots(largestProfile(process.argv[2]!)!, 25);
console.log('total', h.totalMs);
for (const s of h.self) console.log(s.ms.toFixed(0).padStart(7), s.name);
