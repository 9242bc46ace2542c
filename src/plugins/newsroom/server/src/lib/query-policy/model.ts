/** The part of a content type's schema the policy reads (Strapi's attribute shape, copied as plain data). */
export interface ModelAttribute {
  type: string;
  /** A relation's target uid. */
  target?: string;
  private?: boolean;
}

export interface Model {
  uid: string;
  attributes: Readonly<Record<string, ModelAttribute>>;
}

export type Models = Readonly<Record<string, Model>>;

/** Always there and always indexed, whatever the schema says. */
export const KEY_FIELDS = ['id', 'documentId'];

export const isRelation = (attribute: ModelAttribute | undefined): boolean => attribute?.type === 'relation';

/** An attribute a reader may see (private ones are stripped by Strapi's sanitizer). */
export function visibleAttribute(model: Model, name: string): ModelAttribute | undefined {
  if (KEY_FIELDS.includes(name)) return { type: 'key' };
  if (!Object.hasOwn(model.attributes, name)) return undefined;
  const attribute = model.attributes[name];
  return attribute.private ? undefined : attribute;
}

export const scalarFields = (model: Model): string[] =>
  Object.keys(model.attributes).filter((name) => !isRelation(model.attributes[name]) && visibleAttribute(model, name));

export const relations = (model: Model): string[] =>
  Object.keys(model.attributes).filter((name) => isRelation(model.attributes[name]) && visibleAttribute(model, name));
