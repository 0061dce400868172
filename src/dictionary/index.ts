export { type CompiledDictionary, compileDictionary, type DictionarySpec } from './compile.js';
export { loadDictionary, parseLiwcDictionary, parseTableDictionary, parseYamlDictionary } from './load.js';
export { countHits, type DictionaryHit, findHits } from './match.js';
export { parsePattern, type WordUnit } from './patterns.js';
