import { z } from 'zod';

/**
 * Units a threshold or answer may carry. Amounts are always stored in 万元 (the unit of the
 * originals' tables); the citation check converts 亿元 and 元 in quotes when comparing numbers.
 */
export const Unit = z.enum(['万元', '%', '个', '项', '家', '年', '吨', '万吨', 'm³', '万m³', '人', '件', '次', '级']).describe('单位（金额一律为万元）');
export type Unit = z.output<typeof Unit>;
