/** The event and command catalog of a domain, as one JSON Schema document (draft 2020-12). */
export { buildCatalog, defKey, CATALOG_KEYWORD, JSON_SCHEMA_DIALECT } from './buildCatalog';
export type { Catalog, CatalogOptions, CatalogAggregate, CatalogEntry, CatalogIndex, CatalogVersion } from './buildCatalog';
export { jsonSchemaOf } from './jsonSchemaOf';
export type { ConvertedSchema, JsonSchema } from './jsonSchemaOf';
