"""The home page: counts per country (chart and table), the latest documents, search."""

from fastapi import APIRouter, Request

from pledgewatch.web.api.stats import cached_stats
from pledgewatch.web.charts import Series, bar_chart
from pledgewatch.web.deps import DbSession, Reader
from pledgewatch.web.i18n import Translator, language_of
from pledgewatch.web.render import render

router = APIRouter()


@router.get("/")
def home(request: Request, db: DbSession, _: Reader):
    stats = cached_stats(request, db)
    t = Translator(language_of(request))
    chart = bar_chart(
        [
            (
                t.country(c.country),
                [c.people_held, c.open_demands, c.documents_this_month],
            )
            for c in stats.countries
        ],
        [
            Series("held", t("people_held")),
            Series("demands", t("open_demands")),
            Series("docs", t("documents_this_month")),
        ],
        title=t("per_country"),
    )
    return render(request, "home.html", {"stats": stats, "chart": chart})
