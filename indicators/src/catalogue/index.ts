export {
  ageGroupId,
  ageGroupLabel,
  type BreakdownInfo,
  breakdownIds,
  findIndicator,
  type GroupRef,
  type IndicatorMeta,
  indicatorBreakdowns,
  indicatorMeta,
  listIndicators,
  profilesReadBy,
} from "./describe.ts";
export type { ProfileColumnShape, ProfileShape } from "./profile-shape.ts";
export {
  AGE_BREAKDOWN,
  type AgeRange,
  type Catalogue,
  type CatalogueInput,
  type Comparability,
  catalogueSchema,
  comparabilitySchema,
  type DimensionBreakdown,
  type Goal,
  type GoalMeasure,
  type Grouping,
  type Indicator,
  type IndicatorTranslation,
  type Numerator,
  numeratorTerms,
  type Selection,
  type Term,
} from "./schema.ts";
export { TOTAL } from "./total.ts";
export {
  type CatalogueTranslations,
  mergeTranslations,
  TRANSLATED_LANGUAGES,
  type TranslatedLanguage,
  translationGaps,
  translationsPathOf,
} from "./translations.ts";
export {
  CatalogueError,
  type CatalogueProblem,
  type CatalogueValidation,
  parseCatalogue,
  validateCatalogue,
} from "./validate.ts";
