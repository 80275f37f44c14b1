export { textGrams, queryGrams } from './grams.ts';
