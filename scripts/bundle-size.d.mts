export declare const FIRST_SCREEN_GZIP_BUDGET: number;
export declare function measureBundle(dist?: string): {
  firstScreen: { raw: number; gzip: number; brotli: number };
  firstFiles: { file: string; raw: number; gzip: number; brotli: number }[];
  lazy: { file: string; raw: number; gzip: number; brotli: number }[];
};
