declare function require(module: string): any;
declare var process: any;
interface Console {
    log(...data: any[]): void;
    error(...data: any[]): void;
}
declare var console: Console;
