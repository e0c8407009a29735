import type { SparseVector } from './text-features.js';

/**
 * Multinomial logistic regression over sparse vectors, trained with AdaGrad and L2 shrinkage.
 * Small, deterministic (seeded shuffle) and fast to train: the whole model is a weight per
 * (feature, class) and a bias per class. Its scores are probabilities from a log-loss model,
 * which keeps them honest enough to decide when to ask instead of guess (see eval:nlu's
 * calibration figures).
 */
export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

const DEFAULTS: Required<TrainOptions> = { epochs: 5, learningRate: 0.5, l2: 1e-6, seed: 1 };

export class SoftmaxModel {
  private constructor(
    readonly features: number,
    readonly classes: number,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
  ) {}

  static train(vectors: readonly SparseVector[], labels: readonly number[], features: number, classes: number, options: TrainOptions = {}): SoftmaxModel {
    const { epochs, learningRate, l2, seed } = { ...DEFAULTS, ...options };
    const weights = new Float32Array(features * classes);
    const bias = new Float32Array(classes);
    const squares = new Float32Array(features * classes);
    const biasSquares = new Float32Array(classes);
    const model = new SoftmaxModel(features, classes, weights, bias);
    const order = vectors.map((_, i) => i);
    const random = mulberry32(seed);
    const probabilities = new Float64Array(classes);
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      shuffle(order, random);
      for (const i of order) {
        const x = vectors[i] as SparseVector;
        const label = labels[i] as number;
        model.probabilitiesInto(x, probabilities);
        for (let c = 0; c < classes; c += 1) {
          const gradient = (probabilities[c] as number) - (c === label ? 1 : 0);
          if (Math.abs(gradient) < 1e-4) continue;
          biasSquares[c] = (biasSquares[c] as number) + gradient * gradient;
          bias[c] = (bias[c] as number) - (learningRate * gradient) / Math.sqrt(biasSquares[c] as number);
          for (let k = 0; k < x.indices.length; k += 1) {
            const at = (x.indices[k] as number) * classes + c;
            const g = gradient * (x.values[k] as number) + l2 * (weights[at] as number);
            squares[at] = (squares[at] as number) + g * g;
            weights[at] = (weights[at] as number) - (learningRate * g) / Math.sqrt((squares[at] as number) + 1e-8);
          }
        }
      }
    }
    return model;
  }

  /** The probability of each class for this vector. */
  probabilities(x: SparseVector): Float64Array {
    const out = new Float64Array(this.classes);
    this.probabilitiesInto(x, out);
    return out;
  }

  private probabilitiesInto(x: SparseVector, out: Float64Array): void {
    const classes = this.classes;
    for (let c = 0; c < classes; c += 1) out[c] = this.bias[c] as number;
    for (let k = 0; k < x.indices.length; k += 1) {
      const base = (x.indices[k] as number) * classes;
      const value = x.values[k] as number;
      for (let c = 0; c < classes; c += 1) out[c] = (out[c] as number) + value * (this.weights[base + c] as number);
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c += 1) max = Math.max(max, out[c] as number);
    let total = 0;
    for (let c = 0; c < classes; c += 1) {
      out[c] = Math.exp((out[c] as number) - max);
      total += out[c] as number;
    }
    for (let c = 0; c < classes; c += 1) out[c] = (out[c] as number) / total;
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as number, items[i] as number];
  }
}
