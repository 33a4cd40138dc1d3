import type { RequestHandler } from 'express';

/**
 * Deep JSON: variables nested thousands deep (a JSON scalar such as
 * generateDocument.sections) overflowed the stack while arguments were converted and
 * ended as a masked internal error. The body is measured iteratively, before GraphQL,
 * and refused typed. No document input needs more than a few levels.
 */
export const MAX_JSON_DEPTH = 64;

export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') {
      continue;
    }
    const level = depth + 1;
    deepest = Math.max(deepest, level);
    if (deepest > limit) {
      return deepest;
    }
    for (const child of Object.values(current as Record<string, unknown>)) {
      stack.push([child, level]);
    }
  }
  return deepest;
}

export function refuseDeepJson(limit: number = MAX_JSON_DEPTH): RequestHandler {
  return (req, res, next) => {
    // + 2: the request envelope ({ variables: { … } }) is not the caller's data.
    if (jsonDepth(req.body, limit + 2) > limit + 2) {
      res.status(400).json({
        errors: [
          {
            message: `请求参数嵌套层数超过上限 ${limit}`,
            extensions: { code: 'JSON_TOO_DEEP', maxDepth: limit },
          },
        ],
      });
      return;
    }
    next();
  };
}
