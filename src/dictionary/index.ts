export { type CompiledDictionary, compileDictionary, type DictionarySpec } from './compile.js';
export { createDictionarySet, type DictionarySet, hitsInEach } from './dictionary-set.js';
export {
  loadDictionary,
  parseLiwcDictionary,
  parseTableDictionary,
  parseYamlDictionary,
} from './load.js';
export { countHits, type DictionaryHit, findHits, zeroCounts } from './match.js';
export { parsePattern, type WordUnit } from './patterns.js';
