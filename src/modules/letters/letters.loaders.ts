// The letters' DataLoaders, fresh per request: an application's letters and their PDFs' vault records.
import { byIdLoader, groupByLoader } from '../../shared/loaders';
import { DocumentModel, type DocumentDoc } from '../document/document.model';
import { LetterModel, type LetterDoc } from './letters.model';

export function createLettersLoaders() {
  return {
    byApplication: groupByLoader<LetterDoc & Record<string, unknown>>(LetterModel, 'application', { sort: { generatedAt: 1, _id: 1 } }),
    /** The PDFs' vault records (the resolver leaves deleted ones out). */
    documentById: byIdLoader<DocumentDoc>(DocumentModel),
  };
}
