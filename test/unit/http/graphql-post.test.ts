import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isGraphqlPost } from '../../../src/http/graphql-post.js';

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

describe('isGraphqlPost', () => {
  it('takes POST /graphql with or without a query string, and leaves every other request to Express', () => {
    expect(isGraphqlPost(request('POST', '/graphql'))).toBe(true);
    expect(isGraphqlPost(request('POST', '/graphql?operation=Me'))).toBe(true);
    expect(isGraphqlPost(request('GET', '/graphql'))).toBe(false);
    expect(isGraphqlPost(request('OPTIONS', '/graphql'))).toBe(false);
    expect(isGraphqlPost(request('POST', '/graphql/'))).toBe(false);
    expect(isGraphqlPost(request('POST', '/graphqlx'))).toBe(false);
    expect(isGraphqlPost(request('POST', '/GraphQL'))).toBe(false);
    expect(isGraphqlPost(request('POST', '/graphql#x'))).toBe(false);
    expect(isGraphqlPost(request('POST', '/documents/1'))).toBe(false);
  });
});
