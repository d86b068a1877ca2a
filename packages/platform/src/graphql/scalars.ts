// The contract's `Date` is a calendar date (YYYY-MM-DD), never a timestamp.
export { DateResolver as DateScalar } from 'graphql-scalars';
