export { factor } from './figures.js';
export { formatDecimal } from './format.js';
