# Reference values for src/evidence/stats/survival.rs, independent of lifelines:
# R's survival 3.5.3, Rscript tests/reference/survival.R
# summary(survfit(..., conf.type = "log-log"), times = ...) gives S(t), the
# Greenwood standard error of S and the log-log interval; the difference of
# two groups' returns by day 60 is (1 - S_A) - (1 - S_B) with the MOVER
# interval (Zou & Donner 2008) from each group's log-log interval.
library(survival)
a_days <- c(5, 12, 12, 20, 20, 28, 35, 35, 41, 60, 60, 75, 90, 90, 120, 150)
a_event <- c(1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0)
b_days <- c(7, 14, 30, 30, 45, 45, 45, 60, 80, 100, 130, 160, 160, 200)
b_event <- c(1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0)
times <- c(5, 12, 20, 30, 60, 90, 149)
show <- function(name, d, e) {
  fit <- survfit(Surv(d, e) ~ 1, conf.type = "log-log")
  s <- summary(fit, times = times)
  cat(sprintf("group %s: (day, returned, se, low, high)\n", name))
  cat(sprintf("  (%d, %.12f, %.12f, %.12f, %.12f),\n", s$time, 1 - s$surv, s$std.err, 1 - s$upper, 1 - s$lower), sep = "")
  s
}
sa <- show("A", a_days, a_event)
sb <- show("B", b_days, b_event)
i <- which(times == 60)
est <- (1 - sa$surv[i]) - (1 - sb$surv[i])
pa <- 1 - sa$surv[i]; la <- 1 - sa$upper[i]; ua <- 1 - sa$lower[i]
pb <- 1 - sb$surv[i]; lb <- 1 - sb$upper[i]; ub <- 1 - sb$lower[i]
cat(sprintf("difference A - B by day 60: %.12f, MOVER 95%% (%.12f, %.12f)\n", est,
  est - sqrt((pa - la)^2 + (ub - pb)^2), est + sqrt((ua - pa)^2 + (pb - lb)^2)))
# A group with no one back by day 10 (survfit's interval is NA there): Wilson's
# interval for 0 of the 14 followed, as prop.test(0, 14, correct = FALSE) gives it.
print(prop.test(0, 14, correct = FALSE)$conf.int)
