// Loops forever on the CPU.
let sink = 0;

function probe(x: number): number {
    for (let i = x; ; i++) {
        sink += i;
    }
};
