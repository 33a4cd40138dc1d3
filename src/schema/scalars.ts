import { GraphQLLocalDate } from 'graphql-scalars';

/** Calendar date 'YYYY-MM-DD' (the law counts periods in dates, not instants). */
export const LocalDateScalar = GraphQLLocalDate;
