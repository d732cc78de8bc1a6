import { z } from 'zod';
import { UNITS } from '../model/enums.ts';

/**
 * Units a threshold or answer may carry. Amounts are always stored in 万元 (the unit of the
 * originals' tables); the citation check converts 亿元 and 元 in quotes when comparing numbers.
 */
export const Unit = z.enum(UNITS).describe('单位（金额一律为万元）');
export type Unit = z.output<typeof Unit>;
