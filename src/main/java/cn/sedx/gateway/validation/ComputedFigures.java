package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Figures;
import java.util.Optional;

/**
 * The year-end figures the gateway computes from what it has on file, for comparing with a year-end report's own
 * (FIGURES_DIFFER_FROM_COMPUTED warnings). Implemented over the store; must be thread-safe.
 */
public interface ComputedFigures {

    /** Computes nothing: reports are not compared (validation without a store). */
    ComputedFigures NONE = (year, regionPrefix) -> Optional.empty();

    /**
     * @param year         the report year
     * @param regionPrefix the area of the issuing authority, a region-code prefix ({@code 44}, {@code 4401}, …)
     * @return the computed figures, or empty when none are computed
     */
    Optional<Figures> of(int year, String regionPrefix);
}
