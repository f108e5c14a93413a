export declare function findChromium(): { path: string; source: string } | { error: string };
export declare function ensureChromium(): { path: string; source: string } | { error: string };
