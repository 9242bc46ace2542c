import type { Schema } from '@strapi/strapi';

/** Strapi Blocks, as an article's body holds them. */
export type Blocks = Schema.Attribute.BlocksValue;

export const text = (value: string) => ({ type: 'text' as const, text: value });

export const paragraph = (value: string) => ({ type: 'paragraph' as const, children: [text(value)] });

/** One paragraph per blank-line-separated part of `value`. */
export const paragraphs = (value: string): Blocks => value.split('\n\n').map(paragraph);
