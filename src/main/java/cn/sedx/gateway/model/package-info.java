/**
 * The canonical model: one record per filing type ({@link cn.sedx.gateway.model.PersonnelFiling},
 * {@link cn.sedx.gateway.model.SafetyRecord}, {@link cn.sedx.gateway.model.YearEndReport}) and their parts,
 * round-tripping the JSON of {@code schemas/*.schema.json} exactly under {@link cn.sedx.gateway.model.CanonicalJson}.
 * Plain Java and Jackson annotations only: no Camel, no Spring.
 */
package cn.sedx.gateway.model;
