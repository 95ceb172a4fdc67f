// Makes tsc expand a type that doubles 30 levels deep and then flatten its 2^30 leaves (exponential type recursion).
type Bits = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
type Tree<T, N extends unknown[]> = N extends [unknown, ...infer R] ? { l: Tree<[T, 0], R>; r: Tree<[T, 1], R> } : T;
type Deep<T> = T extends { l: infer L; r: infer R } ? Deep<L> | Deep<R> : T;
type Leaves = Deep<Tree<0, Bits>>;
declare const leaves: Leaves;
const boom: string = leaves;

function probe(x: number): number {
    return 3 * x + 1;
};
