import { hotSpots, largestProfile } from './bench/cpuprof.ts';
const h = hotSpots(largestProfile(process.argv[2]!)!, 30);
for (const s of h.ours) console.log(s.ms.toFixed(0).padStart(7), s.name);
