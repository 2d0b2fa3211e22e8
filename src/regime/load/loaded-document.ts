/**
 * The types a library and its cache on disk share (library.ts, library-cache.ts): a file to load
 * and a document loaded from it. In a module of their own so that neither imports the other.
 */
import type { RegimeDocument } from '../schema/kinds.ts';
import type { SourceDocument } from './yaml-source.ts';

/** A document with where it came from. */
export interface LoadedDocument<D extends RegimeDocument = RegimeDocument> {
  doc: D;
  file: string;
  /** Index of the document inside its file. */
  index: number;
  locate: SourceDocument['locate'];
}

/** A file to load: its name as the user wrote it, and its bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}
