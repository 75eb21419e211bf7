/** The drag-and-drop type of a palette item carried from the palette to the canvas. */
export const PALETTE_MIME = 'application/x-netpol-palette';
