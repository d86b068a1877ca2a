export const privacyReferences = {
  // Privacy records hang off any member id: the member subgraph answers whether the member exists.
  Member: (representation: { id: string }) => ({ id: representation.id }),
};
