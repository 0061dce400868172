/** Publication dates of pages and date fields of other inputs. */
export {
  type DateBasis,
  EARLIEST_PAGE_DAY,
  extractPublicationDate,
  type PublicationDate,
} from './extract.js';
export { type DateMatch, findDates, parseDateText } from './parse.js';
export { dateFromUrl, type UrlDate } from './url.js';
