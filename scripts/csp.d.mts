export declare const FIRST_PAINT_SCRIPT: string;
export declare const FIRST_PAINT_SCRIPT_HASH: string;
export declare const CONTENT_SECURITY_POLICY: string;
