// The label scale the canvas places labels for, in steps: zooming changes it only when a step is
// crossed, so label placement (labels.ts) reruns a few times over a whole zoom gesture instead
// of once per settled wheel event. A step is never below the exact scale (labels keep at least
// their screen size) and at most 25% above it.

import { labelScale } from './labels.ts';

/** Powers of 1.25 up to labelScale's maximum (6). */
export const LABEL_SCALE_STEPS: readonly number[] = [...Array.from({ length: 9 }, (_, k) => 1.25 ** k), 6];

/** labelScale(zoom) rounded up to the next step. */
export function steppedLabelScale(zoom: number): number {
  const exact = labelScale(zoom);
  for (const s of LABEL_SCALE_STEPS) if (s >= exact - 1e-9) return s;
  return LABEL_SCALE_STEPS[LABEL_SCALE_STEPS.length - 1];
}
