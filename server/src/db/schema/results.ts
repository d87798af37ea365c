/** Tables of the results capability; merged into Database in ../schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ResultsTables {}
