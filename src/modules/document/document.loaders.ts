// The vault's DataLoaders, fresh per request: documents by id (a version's link to the other).
import { byIdLoader } from '../../shared/loaders';
import { DocumentModel, type DocumentDoc } from './document.model';

export function createDocumentLoaders() {
  return {
    /** Deleted documents included: callers leave them out (a deleted version is no link). */
    byId: byIdLoader<DocumentDoc>(DocumentModel),
  };
}
