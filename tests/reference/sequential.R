# A second, independent reference for src/evidence/stats/sequential.rs:
# rpact's group-sequential designs (its own numerical integration).
#
# Run: Rscript tests/reference/sequential.R   (R 4.2.2, rpact 3.3.4: Debian's r-cran-rpact)
#
# typeOfDesign = "asOF" is Lan-DeMets O'Brien-Fleming-type spending; with
# sided = 2 and alpha = 0.05 it spends alpha/2 on each side,
# 2 - 2*pnorm(qnorm(1 - 0.05/4)/sqrt(t)) a side. rpact reports the spending
# at the last look as alpha - 1e-8 (its tolerance), and its stageLevels are
# one-sided nominal levels (half the two-sided p threshold).
library(rpact)
options(digits = 15)
show <- function(label, values) cat(label, format(values, digits = 15), "\n")
design <- function(label, rates) {
  d <- getDesignGroupSequential(kMax = length(rates), alpha = 0.05, sided = 2,
                                typeOfDesign = "asOF", informationRates = rates)
  cat("#", label, "\n")
  show("  criticalValues", d$criticalValues)
  show("  alphaSpent", d$alphaSpent)
  show("  2*stageLevels", 2 * d$stageLevels)
  invisible(d)
}
for (k in 1:5) design(sprintf("K=%d, equally spaced", k), (1:k) / k)
design("rate ratio, k0 = 6, looks after 1, 2, 3 months", c(3 / 7, 3 / 4, 1))
# information_fractions_rate(1, 1:12): I(k1) = k1/(1 + k1)
rates <- ((1:12) / (2:13)) / (12 / 13)
design("rate ratio, k0 = 1, looks after 1..12 months", rates)
d <- design("K=3, equally spaced, power", (1:3) / 3)
drift <- qnorm(0.975) + qnorm(0.8)
p <- getPowerMeans(d, alternative = 1, stDev = 1, maxNumberOfSubjects = drift^2,
                   normalApproximation = TRUE, groups = 1)
show("  getPowerMeans(..., maxNumberOfSubjects = drift^2) overallReject", p$overallReject)
