import { fitLogistic, predict, type Example } from './calibration';

describe('fitLogistic', () => {
  it('recovers the weights that generated the data', () => {
    // Exact expected frequencies of a known model on a grid: the fit must find that model.
    const truth = { intercept: -2, coefficients: [3, 1.5] };
    const examples: Example[] = [];
    for (let a = 0; a <= 1; a += 0.1) {
      for (let b = 0; b <= 1; b += 0.25) {
        const p = predict(truth, [a, b]);
        examples.push({ x: [a, b], y: 1, weight: p }, { x: [a, b], y: 0, weight: 1 - p });
      }
    }
    const fit = fitLogistic(examples, 0);
    expect(fit.intercept).toBeCloseTo(-2, 4);
    expect(fit.coefficients[0]).toBeCloseTo(3, 4);
    expect(fit.coefficients[1]).toBeCloseTo(1.5, 4);
  });

  it('keeps the weights finite when the classes separate', () => {
    const fit = fitLogistic([
      { x: [0], y: 0 },
      { x: [1], y: 1 },
    ]);
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
    expect(predict(fit, [1])).toBeGreaterThan(0.9);
    expect(predict(fit, [0])).toBeLessThan(0.1);
  });
});
