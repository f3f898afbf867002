import type { SourceKind } from '../attribution/types';
import type { Note, TextPositionSelector, TextQuoteSelector, Verdict } from './note';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our fields the Web Annotation model has no place for, under one extension property. */
export const EXTENSION_PROPERTY = 'sourcelight';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'assessing';
  format?: 'text/plain';
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body: TextualBody[];
  target: {
    source: string;
    selector: Array<TextQuoteSelector | TextPositionSelector>;
  };
  sourcelight: {
    title: string;
    site: string;
    claimSource: string | null;
    claimKind: SourceKind | null;
    createdAt: number;
    updatedAt: number;
  };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

/** One note as a W3C Web Annotation. */
export function noteToAnnotation(note: Note): Annotation {
  const body: TextualBody[] = [];
  if (note.comment) body.push({ type: 'TextualBody', value: note.comment, format: 'text/plain', purpose: 'commenting' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  body.push({ type: 'TextualBody', value: note.verdict satisfies Verdict, purpose: 'assessing' });
  return {
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    motivation: note.comment ? 'commenting' : 'highlighting',
    created: new Date(note.createdAt).toISOString(),
    modified: new Date(note.updatedAt).toISOString(),
    body,
    target: {
      source: note.url,
      selector: note.position ? [{ ...note.quote }, { ...note.position }] : [{ ...note.quote }],
    },
    [EXTENSION_PROPERTY]: {
      title: note.title,
      site: note.site,
      claimSource: note.claimSource,
      claimKind: note.claimKind,
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
    },
  };
}

/**
 * Notes as a W3C Web Annotation collection (JSON-LD), readable by annotation tools.
 * Title, site, claim source and kind, and exact times ride in a `sourcelight` property so our
 * import reads the file back without loss.
 */
export function notesToAnnotations(notes: readonly Note[]): string {
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Sourcelight notes',
    total: notes.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: notes.map(noteToAnnotation) },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
