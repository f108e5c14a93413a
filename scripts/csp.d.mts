export declare const COLOR_SCHEME_SCRIPT: string;
export declare const COLOR_SCHEME_SCRIPT_HASH: string;
export declare const CONTENT_SECURITY_POLICY: string;
