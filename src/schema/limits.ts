import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Query-shape limits checked at validation, before any resolver or SQL runs
 * (OWASP GraphQL cheat sheet: aliases). Depth and cost: see query-cost.ts.
 */
export const MAX_ALIASES = 30;

function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: code },
  });
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
