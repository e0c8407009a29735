// nlp.js ships no TypeScript types. Only the parts Veiviser uses are declared here.

declare module '@nlpjs/core' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export const containerBootstrap: (...args: any[]) => Promise<any>;
}

declare module '@nlpjs/nlp' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export class Nlp { constructor(settings?: Record<string, unknown>); [key: string]: any }
}

declare module '@nlpjs/lang-no' {
  export class LangNo {}
  /** Snowball stemmer for Norwegian. */
  export class StemmerNo {
    constructor(container?: unknown);
    stem(word: string): string;
  }
}

declare module '@nlpjs/neural' {
  export interface NeuralNetworkSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean;
  }
  export interface TrainingStatus {
    error: number;
    deltaError: number;
    iterations: number;
  }
  export interface NeuralNetworkJson {
    settings: NeuralNetworkSettings;
    features?: string[];
    intents?: string[];
    perceptrons?: number[][];
  }
  /** One perceptron per output, trained on bag-of-features input; run() is synchronous. */
  export class NeuralNetwork {
    constructor(settings?: NeuralNetworkSettings);
    train(corpus: { input: Record<string, number>; output: Record<string, number> }[]): TrainingStatus;
    run(input: Record<string, number>): Record<string, number> | undefined;
    toJSON(): NeuralNetworkJson;
    fromJSON(json: NeuralNetworkJson): void;
  }
}
