// The core runs in the browser, a Web Worker and Node. It may use only these universal
// globals; the DOM and Node typings are deliberately absent from tsconfig.core.json.
declare class TextEncoder { encode(input?: string): Uint8Array; }
declare class TextDecoder { constructor(label?: string, options?: { fatal?: boolean }); decode(input?: Uint8Array): string; }
declare function btoa(data: string): string;
declare function atob(data: string): string;
declare const console: { log(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void };
declare function structuredClone<T>(value: T): T;
declare const performance: { now(): number };
