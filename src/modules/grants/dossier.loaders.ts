// The dossier's DataLoaders, fresh per request: vault records by id (the documents attached to the
// applications of a page are read in one query).
import { byIdLoader } from '../../shared/loaders';
import { DocumentModel, type DocumentDoc } from '../document/document.model';

export function createDossierLoaders() {
  return {
    documentById: byIdLoader<DocumentDoc>(DocumentModel),
  };
}
