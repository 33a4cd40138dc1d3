import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Query-shape limits checked at validation, before any resolver or SQL runs
 * (OWASP GraphQL cheat sheet: depth, aliases). Introspection queries are deep
 * by nature; they are limited by the production switch instead.
 */
export const MAX_QUERY_DEPTH = 10;
export const MAX_ALIASES = 30;

function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: code },
  });
}

export function depthLimit(maxDepth: number = MAX_QUERY_DEPTH): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let depth = 0;
    let reported = false;
    return {
      Field: {
        enter(node) {
          if (node.name.value.startsWith('__')) {
            return false;
          }
          depth += node.selectionSet ? 1 : 0;
          if (depth > maxDepth && !reported) {
            reported = true;
            context.reportError(limitError('MAX_DEPTH', `查询嵌套层数超过上限 ${maxDepth}`));
          }
          return undefined;
        },
        leave(node) {
          if (!node.name.value.startsWith('__')) {
            depth -= node.selectionSet ? 1 : 0;
          }
        },
      },
    };
  };
}

export function aliasLimit(maxAliases: number = MAX_ALIASES): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && node.alias.kind === Kind.NAME) {
          aliases += 1;
          if (aliases === maxAliases + 1) {
            context.reportError(limitError('MAX_ALIASES', `查询中的别名数超过上限 ${maxAliases}`));
          }
        }
      },
    };
  };
}
