import { lowdbBackend } from './backends.js';
import { storeContract } from './contract.js';

describe('store contract: lowdb', () => {
  storeContract(lowdbBackend);
});
