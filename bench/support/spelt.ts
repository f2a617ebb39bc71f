/**
 * A number as letters (1 is "Ab", 42 "Aec"): people's names may not hold digits, so benchmarks
 * that register thousands of people tell them apart with this.
 */
export function spelt(n: number): string {
  return `A${String(n)
    .split('')
    .map((digit) => 'abcdefghij'[Number(digit)])
    .join('')}`;
}
