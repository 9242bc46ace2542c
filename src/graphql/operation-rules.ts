import { GraphQLError, TypeInfo, visit, visitWithTypeInfo, type ASTVisitor, type FragmentDefinitionNode, type OperationDefinitionNode, type ValidationContext } from 'graphql';

/**
 * Validation rules of every GraphQL operation, applied before anything runs
 * (config/plugins.ts). Pure graphql-js: unit-tested against a schema alone.
 */

/** Strapi's arguments that choose drafts: nested relations inherit them from the root query before any resolver could refuse. */
export const PUBLICATION_ARGS = ['status', 'publicationFilter', 'hasPublishedVersion'];

const refuse = (message: string, nodes: GraphQLError['nodes']) => new GraphQLError(message, { nodes, extensions: { code: 'BAD_USER_INPUT' } });

/**
 * GraphQL serves published content only, to every caller, like the public
 * REST routes: the arguments that would select drafts are refused wherever
 * they appear, even as `status: PUBLISHED` (the default). Drafts are read
 * through the REST preview (README, "Preview").
 */
export function publishedOnlyRule(context: ValidationContext): ASTVisitor {
  return {
    Argument(node) {
      if (context.getDirective() || !context.getFieldDef() || !PUBLICATION_ARGS.includes(node.name.value)) return;
      context.reportError(
        refuse(`The "${node.name.value}" argument is not served: GraphQL answers published content only (drafts: the REST preview)`, [node]),
      );
    },
  };
}

/**
 * At most `max` costly fields in one operation, fragments counted where they
 * are spread: root fields and list fields (those with a `pagination`
 * argument), each a query of up to maxLimit rows. The depth limit bounds
 * nesting; this bounds breadth (aliases).
 */
export const costlyFieldsRule =
  (max: number) =>
  (context: ValidationContext): ASTVisitor => {
    const fragmentCounts = new Map<string, number>();
    const visiting = new Set<string>();

    function count(node: OperationDefinitionNode | FragmentDefinitionNode): number {
      const typeInfo = new TypeInfo(context.getSchema());
      let costly = 0;
      visit(
        node,
        visitWithTypeInfo(typeInfo, {
          Field() {
            const isRoot = typeInfo.getParentType() === context.getSchema().getQueryType();
            if (isRoot || typeInfo.getFieldDef()?.args.some((arg) => arg.name === 'pagination')) costly += 1;
          },
          FragmentSpread(spread) {
            const name = spread.name.value;
            const fragment = context.getFragment(name);
            // A cycle is NoFragmentCyclesRule's to report.
            if (!fragment || visiting.has(name)) return;
            if (!fragmentCounts.has(name)) {
              visiting.add(name);
              fragmentCounts.set(name, count(fragment));
              visiting.delete(name);
            }
            costly += fragmentCounts.get(name) ?? 0;
          },
        }),
      );
      return costly;
    }

    return {
      OperationDefinition(operation) {
        const costly = count(operation);
        if (costly > max) {
          context.reportError(refuse(`This operation asks for ${costly} lists and root fields; at most ${max} are served in one request`, [operation]));
        }
        return false;
      },
    };
  };
