/**
 * Amounts in 万元 displayed the way Chinese documents write them: 3000万元, 1亿元, 1.5亿元, 400万元.
 */
export function formatWan(wan: number): string {
  if (wan >= 10000 && wan % 1000 === 0) return `${trim(wan / 10000)}亿元`;
  return `${trim(wan)}万元`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
