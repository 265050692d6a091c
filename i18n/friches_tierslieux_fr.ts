<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>FrichesTiersLieux</name>
    <message>
        <location filename="../processing/network_io.py"/>
        <source> (regular grid: exact fast method)</source>
        <translation> (grille régulière : méthode exacte rapide)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>#{order} {name} ({id}): acquisition {acq}, works {works}, {total}.</source>
        <translation>n°{order} {name} ({id}) : acquisition {acq}, travaux {works}, {total}.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>#{rank} {name}: {sentence}</source>
        <translation>#{rank} {name} : {sentence}</translation>
    </message>
    <message>
        <location filename="../processing/base.py"/>
        <source>'{param}' must be a projected CRS (in metres), not {crs} (in degrees): e.g. EPSG:2154 (Lambert-93) in metropolitan France.</source>
        <translation>« {param} » doit être un SCR projeté (en mètres), pas {crs} (en degrés) : par ex. EPSG:2154 (Lambert-93) en France métropolitaine.</translation>
    </message>
    <message>
        <location filename="../processing/base.py"/>
        <source>'{value}' given for '{param}' is not a coordinate reference system QGIS knows: choose one in the list, e.g. EPSG:2154 (Lambert-93).</source>
        <translation>« {value} », donné pour « {param} », n'est pas un système de coordonnées connu de QGIS : choisissez-en un dans la liste, par ex. EPSG:2154 (Lambert-93).</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>'{value}' is neither INSEE commune codes (5 characters, e.g. 13210 or 2A004) nor one EPCI SIREN code (9 digits).</source>
        <translation>« {value} » n'est ni une liste de codes INSEE de communes (5 caractères, p. ex. 13210 ou 2A004) ni un code SIREN d'EPCI (9 chiffres).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>'{value}' is not a date: write YYYY-MM-DD, e.g. 2025-03-18.</source>
        <translation>« {value} » n'est pas une date : écrivez AAAA-MM-JJ, par ex. 2025-03-18.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>'{value}' is not a time: write HH:MM, e.g. 07:30.</source>
        <translation>« {value} » n'est pas une heure : écrivez HH:MM, par ex. 07:30.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>'{value}' is not an INSEE commune code (5 characters, e.g. 45234 or 2A004).</source>
        <translation>« {value} » n'est pas un code INSEE de commune (5 caractères, par ex. 45234 ou 2A004).</translation>
    </message>
    <message>
        <location filename="../ui/field_editors.py"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>(not filled)</source>
        <translation>(non renseignée)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>(not filled) · {n}</source>
        <translation>(non renseigné) · {n}</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>(unnamed friche)</source>
        <translation>(friche sans nom)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>, atlas of {n} pages: {path}</source>
        <translation>, atlas de {n} pages : {path}</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>, descending</source>
        <translation>, par ordre décroissant</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>, {n} frequencies.txt periods</source>
        <translation>, {n} périodes frequencies.txt</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>0 downloads everything again.</source>
        <translation>0 retélécharge tout.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>0: the longest band of the catchments.</source>
        <translation>0 : la plus longue bande des zones de chalandise.</translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py"/>
        <source>1 friche · total {ha} ha</source>
        <translation>1 friche · total {ha} ha</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>1: the conversion starts at the earliest the year after the acquisition.</source>
        <translation>1 : les travaux de reconversion commencent au plus tôt l'année suivant l'acquisition.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>5 characters, e.g. 45234 or 2A004; takes precedence over the sites and the extent.</source>
        <translation>5 caractères, par ex. 45234 ou 2A004 ; prioritaire sur les sites et l'emprise.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>&lt;p&gt;An A4 PDF for the technical committee, in French or English, from the inventory's history:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;page 1: key figures at the end of the last period, the sites by status at the end of each period (stacked bars), and the population within reach of the tiers-lieux open at the end of each period (a line, when a road network and a population grid are given);&lt;/li&gt;&lt;li&gt;page 2: a map of the sites whose status changed during the last period (colour: the new status) and the table of those changes: site, municipality, former and new status, date, who, source (continued on the next pages when long);&lt;/li&gt;&lt;li&gt;last page: the indicators of every period, as in Follow-up indicators of the inventory, whose help says how each figure is computed.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Charts are drawn with layout items (no picture, no extra library): the PDF keeps real, searchable text.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un PDF A4 pour le comité technique, en français ou en anglais, tiré de l'historique de l'inventaire :&lt;/p&gt;&lt;ul&gt;&lt;li&gt;page 1 : les chiffres clés à la fin de la dernière période, les sites par statut à la fin de chaque période (barres empilées) et la population à portée des tiers-lieux ouverts à la fin de chaque période (une courbe, quand un réseau routier et un carroyage de population sont fournis) ;&lt;/li&gt;&lt;li&gt;page 2 : une carte des sites dont le statut a changé pendant la dernière période (couleur : le nouveau statut) et le tableau de ces changements : site, commune, ancien et nouveau statut, date, auteur, origine (suite sur les pages suivantes s'il est long) ;&lt;/li&gt;&lt;li&gt;dernière page : les indicateurs de chaque période, comme dans Indicateurs de suivi de l'inventaire, dont l'aide dit comment chaque chiffre est calculé.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Les graphiques sont dessinés avec des éléments de mise en page (ni image, ni bibliothèque supplémentaire) : le PDF garde un vrai texte, où l'on peut chercher.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>&lt;p&gt;Builds the multi-year investment programme (&lt;i&gt;plan pluriannuel d'investissement&lt;/i&gt;): for each site, the year of its acquisition and the year of its conversion works, within each year's budget, to maximise the objective.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Costs&lt;/b&gt;: from the cost table (resources/costs/default.json or your copy: acquisition = the price estimate of Land prices + fees; works by building state and use, demolition, depollution, accessibility, energy, studies) or from a field of the sites with each site's own total cost. A site without a known cost is not programmed, and the output says so.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Objective&lt;/b&gt;: the population newly covered (counted once even when two sites reach the same people, from the catchments and the population grid; or the additive field of Coverage gaps), the score of the use, both weighted, or any numeric field.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Rules&lt;/b&gt;: the works start at the earliest the year after the acquisition (delay); each year's spend stays within its budget (or, with carry-over, the budgets cumulated so far); mandatory sites are in, excluded sites out; by default only the candidates of the use are considered.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt;: a mixed-integer programme solved exactly by HiGHS (scipy.optimize.milp), then, among the best programmes, the one that opens the places the earliest; the time limit stops the search and the gap says how far from the optimum the programme can be at most (0: proven optimum). Every site gets a reason: why it is in, and why a good candidate is left out (too expensive, phasing, mandatory sites first, the budget brings more elsewhere with the loss measured, people already covered by the programme).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: the sites with acq_year, works_year, costs, cumulative spend, marginal gain and reason; a table per year; an XLSX workbook and a 'Programme pluriannuel' PDF with a chart per year of the spend and the people covered, in French or English.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Construit le plan pluriannuel d'investissement : pour chaque site, l'année de son acquisition et l'année de ses travaux de reconversion, dans le budget de chaque année, pour maximiser l'objectif.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Coûts&lt;/b&gt; : d'après la table des coûts (resources/costs/default.json ou votre copie : acquisition = l'estimation du prix de Prix du foncier + frais ; travaux selon l'état du bâti et l'usage, démolition, dépollution, accessibilité, énergie, études) ou d'après un champ des sites portant le coût total de chacun. Un site sans coût connu n'est pas programmé, et la sortie le dit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Objectif&lt;/b&gt; : la population nouvellement couverte (comptée une seule fois même quand deux sites touchent les mêmes habitants, d'après les zones de chalandise et la grille de population ; ou le champ additif de Zones non couvertes), le score de l'usage, les deux pondérés, ou tout champ numérique.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Règles&lt;/b&gt; : les travaux commencent au plus tôt l'année suivant l'acquisition (délai) ; la dépense de chaque année reste dans son budget (ou, avec report, dans les budgets cumulés jusque-là) ; les sites imposés sont retenus, les sites écartés exclus ; par défaut, seuls les candidats de l'usage sont considérés.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode&lt;/b&gt; : un programme linéaire en nombres entiers résolu exactement par HiGHS (scipy.optimize.milp), puis, parmi les meilleurs programmes, celui qui ouvre les lieux le plus tôt ; la limite de temps arrête la recherche et l'écart dit de combien le programme peut au plus être sous l'optimum (0 : optimum prouvé). Chaque site reçoit une raison : pourquoi il est retenu, et pourquoi un bon candidat est écarté (trop cher, phasage, sites imposés d'abord, le budget rapporte plus ailleurs avec la perte mesurée, habitants déjà couverts par le programme).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : les sites avec acq_year, works_year, coûts, dépense cumulée, gain marginal et raison ; une table par année ; un classeur XLSX et un PDF « Programme pluriannuel » avec un graphique par année de la dépense et des habitants couverts, en français ou en anglais.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>&lt;p&gt;Chooses among the candidate sites those which, together, reach the most people who live outside the catchment of every existing place: the sites that best complete the network of places (&lt;i&gt;maillage&lt;/i&gt;).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (maximal covering location problem, Church and ReVelle 1974, solved greedily): each cell of the population grid counts by its representative point; a cell is served when that point lies in an existing place's catchment, covered by a candidate when it lies in the candidate's catchment (the polygons of Catchment for the chosen travel time). At each step the site adding the most people not yet served (by the existing places or the sites already chosen) is chosen; its &lt;i&gt;marginal_pop&lt;/i&gt; is that gain. Gains never increase from one step to the next. The choice stops after K sites, when the target population is reached, or when no site adds anyone. Ties go to the higher priority field (e.g. the use's score), then to the site identifier.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: the chosen sites in order (step, marginal_pop, cumulative_pop, share_of_uncovered in % of the people not served at the start) and a log table with every remaining candidate's gain at every step, to see the runners-up.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choisit parmi les sites candidats ceux qui, ensemble, atteignent le plus d'habitants vivant hors de la zone de chalandise de tous les lieux existants : les sites qui complètent le mieux le &lt;i&gt;maillage&lt;/i&gt; des lieux.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode&lt;/b&gt; (problème de localisation à couverture maximale, Church et ReVelle 1974, résolu par un algorithme glouton) : chaque carreau de la grille de population compte par son point représentatif ; un carreau est desservi quand ce point se trouve dans la zone de chalandise d'un lieu existant, et couvert par un candidat quand il se trouve dans la zone de chalandise de ce candidat (les polygones de l'algorithme Zone de chalandise pour le temps de parcours choisi). À chaque étape, le site qui ajoute le plus d'habitants non encore desservis (par les lieux existants ou les sites déjà choisis) est retenu ; son &lt;i&gt;marginal_pop&lt;/i&gt; est ce gain. Les gains ne croissent jamais d'une étape à la suivante. Le choix s'arrête après K sites, quand la population cible est atteinte, ou quand plus aucun site n'ajoute d'habitant. En cas d'égalité, le champ de priorité le plus élevé l'emporte (par ex. le score de l'usage), puis l'identifiant du site.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : les sites choisis dans l'ordre (step, marginal_pop, cumulative_pop, share_of_uncovered en % des habitants non desservis au départ) et une table de suivi avec le gain de chaque candidat restant à chaque étape, pour voir les suivants.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>&lt;p&gt;Downloads the layers of the Géoportail de l'urbanisme (GPU) through the API Carto "module Urbanisme" (IGN) into a GeoPackage, one layer per type (zone_urba, secteur_cc, prescription_surf / _lin / _pct, info_surf / _lin / _pct), in WGS 84 as the service serves them, ready for &lt;i&gt;Zoning overlay&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Where&lt;/b&gt;: the commune given by its INSEE code (its bounding box, found with &lt;code&gt;municipality?insee=&lt;/code&gt;), else the sites' extent (one request per tile of at most &lt;i&gt;tile size&lt;/i&gt; degrees that holds sites, with a margin), else the extent drawn.&lt;/p&gt;&lt;p&gt;&lt;b&gt;How&lt;/b&gt;: requests go through QGIS's network manager, so the proxy and authentication settings of QGIS apply; the service returns at most {limit} features per request and the next ones are fetched page after page (&lt;code&gt;_start&lt;/code&gt;). Features repeated across tiles are kept once.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cache&lt;/b&gt;: the GeoPackage records in its &lt;i&gt;_cache&lt;/i&gt; table the request each layer was downloaded for and when. Running again with the same request reads the layers from the file without any network (handy when the GPU is down); tick &lt;i&gt;Download again&lt;/i&gt; to refresh. Choose a file (not a temporary output) to keep the cache.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Télécharge les couches du Géoportail de l'Urbanisme (GPU) via l'API Carto « module Urbanisme » (IGN) dans un GeoPackage, une couche par type (zone_urba, secteur_cc, prescription_surf / _lin / _pct, info_surf / _lin / _pct), en WGS 84 tel que le service les fournit, prêtes pour l'algorithme &lt;i&gt;Croisement avec le zonage&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Où&lt;/b&gt; : la commune désignée par son code INSEE (son rectangle englobant, trouvé avec &lt;code&gt;municipality?insee=&lt;/code&gt;), sinon l'emprise des sites (une requête par tuile d'au plus &lt;i&gt;taille des tuiles&lt;/i&gt; degrés contenant des sites, avec une marge), sinon l'emprise dessinée.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Comment&lt;/b&gt; : les requêtes passent par le gestionnaire réseau de QGIS, donc les paramètres de proxy et d'authentification de QGIS s'appliquent ; le service renvoie au plus {limit} entités par requête et les suivantes sont récupérées page après page (&lt;code&gt;_start&lt;/code&gt;). Les entités répétées d'une tuile à l'autre ne sont gardées qu'une fois.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cache&lt;/b&gt; : le GeoPackage enregistre dans sa table &lt;i&gt;_cache&lt;/i&gt; la requête pour laquelle chaque couche a été téléchargée, et sa date. Une nouvelle exécution avec la même requête lit les couches dans le fichier sans aucun accès réseau (pratique quand le GPU est indisponible) ; cochez &lt;i&gt;Télécharger à nouveau&lt;/i&gt; pour actualiser. Choisissez un fichier (pas une sortie temporaire) pour conserver le cache.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>&lt;p&gt;Estimates what each site would cost to buy from DVF (&lt;i&gt;Demandes de valeurs foncières&lt;/i&gt;), the open data of property sales, as Etalab publishes it geolocated (files.data.gouv.fr/geo-dvf: one CSV per département or commune, gzipped or not).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (documented in resources/costs/README.md): the lines of each sale (id_mutation) are grouped and the sale is counted once, its price (valeur_fonciere, repeated on every line) divided by its floor area for sales of industrial and commercial premises (without house or flat), by its land area for sales of urban land without buildings. Other sales (houses, flats, farmland, garages, exchanges, sales off-plan) are not comparables. The comparable sales of the last N years within the radius (or the site's commune) give the median price per m² and its quartiles; with fewer than the minimum number of sales the area widens step by step (the radius doubles up to the largest radius) and the note says so. The estimate is the median × the site's floor area (premises) or land area (land, when there is no building or no sale of premises); no sale at all: no estimate, never a guess.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reliability&lt;/b&gt;: high (enough sales in the first area), medium (area widened), low (fewer than the minimum even in the largest area), none.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Report&lt;/b&gt;: every line or sale left out, with its line number and the reason: unreadable line, line written twice, sale listed twice, no price, absurd price per m², inconsistent price or date within a sale, no surface, no coordinates (then only used in its commune); and a count of the sales that are not comparables. Files re-saved by a spreadsheet are read too (semicolons, decimal commas, Windows-1252).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Estime ce que coûterait l'achat de chaque site d'après DVF (&lt;i&gt;Demandes de valeurs foncières&lt;/i&gt;), les données ouvertes des ventes immobilières, telles qu'Etalab les publie géolocalisées (files.data.gouv.fr/geo-dvf : un CSV par département ou par commune, compressé ou non).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode&lt;/b&gt; (documentée dans resources/costs/README.md) : les lignes de chaque vente (id_mutation) sont regroupées et la vente comptée une fois, son prix (valeur_fonciere, répété sur chaque ligne) divisé par sa surface de plancher pour les ventes de locaux industriels et commerciaux (sans maison ni appartement), par sa surface de terrain pour les ventes de terrain urbain sans bâtiment. Les autres ventes (maisons, appartements, terres agricoles, garages, échanges, ventes en l'état futur d'achèvement) ne sont pas des références. Les ventes comparables des N dernières années dans le rayon (ou la commune du site) donnent le prix médian au m² et ses quartiles ; avec moins de ventes que le minimum, la zone s'élargit pas à pas (le rayon double jusqu'au plus grand rayon) et la note le dit. L'estimation est la médiane × la surface de plancher du site (locaux) ou sa surface de terrain (terrain, quand il n'y a pas de bâtiment ou pas de vente de locaux) ; aucune vente : pas d'estimation, jamais une valeur devinée.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fiabilité&lt;/b&gt; : élevée (assez de ventes dans la première zone), moyenne (zone élargie), faible (moins que le minimum même dans la plus grande zone), aucune.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Rapport&lt;/b&gt; : chaque ligne ou vente écartée, avec son numéro de ligne et la raison : ligne illisible, ligne écrite deux fois, vente listée deux fois, pas de prix, prix au m² aberrant, prix ou date incohérents dans une vente, pas de surface, pas de coordonnées (alors utilisée seulement pour sa commune) ; et le compte des ventes qui ne sont pas des références. Les fichiers réenregistrés par un tableur sont lus aussi (points-virgules, virgules décimales, Windows-1252).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>&lt;p&gt;For each site, the area reachable on the road network within each travel time, and the population living in it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; Each site is tied to the nearest road usable in the mode (within a tolerance; a site too far away is reported by name and kept in the sites output with status 'not connected', never given an empty polygon silently). A travel-time search runs from the point where the site meets the road (a polygon site also starts from every network node inside it) and stops at the longest time. The polygon of a band is made of the roads reached within the time, edges crossing the limit being cut at the exact point reached, widened by a band on each side (so that the blocks along the streets, where people live, count). &lt;b&gt;No point of a polygon is farther than its band from a road actually reached in time&lt;/b&gt; (field max_dist_m): no area is claimed across rivers, railways or fields the network does not cross. The band is 50 m, drawn as smooth buffers for a short reach (a walk in a town) and on a 10 m grid for a longer or crowded one, unless a site reaches so much road that this detail would cost seconds for nothing a map shows: a wider band on a coarser grid then (100 m and 20 m, 200 m and 40 m, 400 m and 80 m), never more than about one minute of travel in the mode (100 m on foot, 200 m by bike, 400 m by car). The finest drawing can be forced (advanced parameter 'Outline of the polygons', where the thresholds are given).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Population&lt;/b&gt;: the area-weighted share of each cell of the population grid inside the polygon (INSEE Filosofi 200 m grid by default: field 'ind').&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: one polygon per site and time (fields site_id, minutes, population, max_dist_m), drawn largest first; the sites with one population field per time (pop_5min, pop_10min...) and their network status.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pour chaque site, la zone atteignable sur le réseau routier dans chaque temps de parcours, et la population qui y vit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode.&lt;/b&gt; Chaque site est raccordé à la route la plus proche praticable dans le mode choisi (dans une tolérance ; un site trop éloigné est signalé par son nom et conservé dans la sortie des sites avec le statut « not connected », jamais doté d'un polygone vide en silence). Une recherche de temps de parcours part du point où le site rejoint la route (un site polygonal part aussi de chaque nœud du réseau situé à l'intérieur) et s'arrête au temps le plus long. Le polygone d'une tranche est formé des routes atteintes dans le temps, les tronçons qui franchissent la limite étant coupés au point exact atteint, élargies d'une bande de chaque côté (pour compter les îlots bordant les rues, où vivent les habitants). &lt;b&gt;Aucun point d'un polygone n'est plus loin que sa bande d'une route réellement atteinte dans le temps&lt;/b&gt; (champ max_dist_m) : aucune surface n'est revendiquée au-delà des rivières, voies ferrées ou champs que le réseau ne traverse pas. La bande est de 50 m, dessinée en tampons lissés pour une courte zone atteinte (un trajet à pied en ville) et sur une grille de 10 m pour une zone plus étendue ou aux routes serrées, sauf quand un site atteint tant de routes que ce détail coûterait des secondes pour rien de visible sur une carte : une bande plus large sur une grille plus grossière alors (100 m et 20 m, 200 m et 40 m, 400 m et 80 m), jamais plus d'environ une minute de trajet dans le mode (100 m à pied, 200 m à vélo, 400 m en voiture). Le dessin le plus fin peut être imposé (paramètre avancé « Contour des polygones », qui donne les seuils).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Population&lt;/b&gt; : la part, pondérée par la surface, de chaque carreau de la grille de population située dans le polygone (grille INSEE Filosofi 200 m par défaut : champ 'ind').&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : un polygone par site et par temps (champs site_id, minutes, population, max_dist_m), le plus grand dessiné en premier ; les sites avec un champ de population par temps (pop_5min, pop_10min...) et leur statut de raccordement au réseau.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>&lt;p&gt;For each site: the zones of the PLU / PLUi (CNIG &lt;i&gt;ZONE_URBA&lt;/i&gt;) or carte communale (&lt;i&gt;SECTEUR_CC&lt;/i&gt;) it lies in, the prescriptions and informations on it, its SCOT, and whether a coworking, a fablab or a digital-inclusion place (médiation numérique) fits the zoning.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Zone shares&lt;/b&gt;: u_pct, auc_pct, aus_pct, a_pct and n_pct are the shares of the site's zoned area in U, AUc, AUs, A and N zones (they sum to 100); zoned_pct is the share of the site covered by the document's zones. TYPEZONE is read in any case; legacy Ah counts as A, Nh and Nd as N, an unqualified AU as AUs; a LIBELLE ZURNU (a PLUi zone under the RNU) and a carte communale sector 99 are outside the document. Carte communale sectors: 01 (ZC) and 02 (ZCa, activities) count as U, 03 (ZnC) as N. A point site takes the zone that contains it (100 %). zone_libelle and zone_type are those of the dominant zone (the largest area on the site); &lt;i&gt;zones&lt;/i&gt; lists every zone with its share.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Prescriptions and informations&lt;/b&gt; are listed with the French label of their TYPEPSC-STYPEPSC / TYPEINF-STYPEINF code and, for surfaces, the share of the site they cover (at least {min_share} %); lines and points count when they touch the site; around a point site, everything within the &lt;i&gt;search distance&lt;/i&gt;. psc_codes and inf_codes list the codes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Compatibility&lt;/b&gt; (compat_coworking, compat_fablab, compat_mediation: compatible, conditional, incompatible or unknown, each with its reason in the *_why field) comes from an editable rules table evaluated on the dominant zone: by default U and AUc compatible, AUs conditional (plan change), A and N incompatible except a STECAL or a building allowed to change use, ZnC conditional (reuse of existing buildings); the zone's DESTOUI / DESTCDT / DESTNON decide first when filled (coworking 53 or 34, fablab 51 or 31, médiation 41, 46 or 43). Another zone covering at least {other} % of the site with another result is named in the reason. See resources/zoning/README.md.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data defects handled&lt;/b&gt;: field names in any case (GPU exports are lower case), invalid geometries repaired (bow-ties, self-intersections; counted in the log) even when Processing is set to stop on invalid features, multi-part zones counted once, layers in another CRS reprojected (areas are measured in the sites' CRS, or Lambert-93 / the territory's official CRS when the sites are in degrees), latin-1 shapefiles without .cpg re-read in windows-1252. A missing required field (TYPEZONE and LIBELLE, or TYPESECT; TYPEPSC; TYPEINF) stops the algorithm with its name.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pour chaque site : les zones du PLU / PLUi (&lt;i&gt;ZONE_URBA&lt;/i&gt; CNIG) ou de la carte communale (&lt;i&gt;SECTEUR_CC&lt;/i&gt;) dans lesquelles il se trouve, les prescriptions et informations qui le concernent, son SCoT, et si un coworking, un fablab ou un lieu de médiation numérique est compatible avec le zonage.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parts de zones&lt;/b&gt; : u_pct, auc_pct, aus_pct, a_pct et n_pct sont les parts de la surface zonée du site en zones U, AUc, AUs, A et N (leur somme vaut 100) ; zoned_pct est la part du site couverte par les zones du document. TYPEZONE est lu quelle que soit la casse ; les anciennes zones Ah comptent comme A, Nh et Nd comme N, un AU non qualifié comme AUs ; un LIBELLE ZURNU (zone d'un PLUi soumise au RNU) et un secteur 99 de carte communale sont hors document. Secteurs de carte communale : 01 (ZC) et 02 (ZCa, activités) comptent comme U, 03 (ZnC) comme N. Un site ponctuel prend la zone qui le contient (100 %). zone_libelle et zone_type sont ceux de la zone dominante (la plus grande surface sur le site) ; &lt;i&gt;zones&lt;/i&gt; liste chaque zone avec sa part.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Prescriptions et informations&lt;/b&gt; : elles sont listées avec le libellé français de leur code TYPEPSC-STYPEPSC / TYPEINF-STYPEINF et, pour les surfaciques, la part du site qu'elles couvrent (au moins {min_share} %) ; les linéaires et les ponctuelles comptent quand elles touchent le site ; autour d'un site ponctuel, tout ce qui se trouve dans la &lt;i&gt;distance de recherche&lt;/i&gt;. psc_codes et inf_codes listent les codes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Compatibilité&lt;/b&gt; (compat_coworking, compat_fablab, compat_mediation : compatible, conditional, incompatible ou unknown, chacun avec son motif dans le champ *_why) : elle découle d'une table de règles modifiable, évaluée sur la zone dominante : par défaut U et AUc compatibles, AUs sous conditions (évolution du document d'urbanisme), A et N incompatibles sauf STECAL ou bâtiment pouvant changer de destination, ZnC sous conditions (réutilisation de bâtiments existants) ; les champs DESTOUI / DESTCDT / DESTNON de la zone priment quand ils sont renseignés (coworking 53 ou 34, fablab 51 ou 31, médiation 41, 46 ou 43). Une autre zone couvrant au moins {other} % du site avec un autre résultat est citée dans le motif. Voir resources/zoning/README.md.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Défauts de données gérés&lt;/b&gt; : noms de champs quelle que soit la casse (les exports du GPU sont en minuscules), géométries invalides réparées (polygones en papillon, auto-intersections ; comptées dans le journal) même quand les traitements sont réglés pour s'arrêter sur les entités invalides, zones multiparties comptées une seule fois, couches dans un autre SCR reprojetées (les surfaces sont mesurées dans le SCR des sites, ou en Lambert-93 / dans le SCR officiel du territoire quand les sites sont en degrés), shapefiles latin-1 sans .cpg relus en windows-1252. Un champ obligatoire manquant (TYPEZONE et LIBELLE, ou TYPESECT ; TYPEPSC ; TYPEINF) arrête l'algorithme en indiquant son nom.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>&lt;p&gt;Measures how well public transport serves each site, and the same indices on a grid of the territory, from a GTFS feed (departures counted as in &lt;i&gt;Transit service per stop&lt;/i&gt;).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Site fields&lt;/b&gt;: &lt;i&gt;nearest_stop&lt;/i&gt; (name) and &lt;i&gt;nearest_stop_id&lt;/i&gt; of the nearest stop with a departure in the day or peak window; &lt;i&gt;nearest_stop_m&lt;/i&gt;, the walking distance along the network when one is given, the straight line otherwise (&lt;i&gt;nearest_stop_method&lt;/i&gt; says which: a site off the network, or with no stop within {search} km along it, falls back to the straight line); &lt;i&gt;dep_500m_h&lt;/i&gt;, the vehicle journeys per hour of the peak window leaving from stops within 500 m (the distance French parking rules use; a bus calling at two nearby stops counts once); &lt;i&gt;ptal_ai&lt;/i&gt; and &lt;i&gt;ptal&lt;/i&gt;; &lt;i&gt;oev_class&lt;/i&gt;. Polygons are measured from their point on surface (a point inside the polygon); their geometry is kept.&lt;/p&gt;&lt;p&gt;&lt;b&gt;PTAL&lt;/b&gt; (Transport for London method): walking at 80 m/min to bus stops within 640 m and to rail, metro and tram stops within 960 m; for each route, the frequency f of its busier direction (direction_id; a feed without it counts both directions together) in the peak window (default 08:15-09:15); waiting time 0.5 × 60 / f plus 2 min (bus) or 0.75 min (rail, metro, tram); EDF = 30 / (walk + wait); each route once, at its best stop; per mode the best EDF plus half the others; the access index &lt;i&gt;ptal_ai&lt;/i&gt; is the sum over modes and the band &lt;i&gt;ptal&lt;/i&gt; is 0 (no service), 1a (up to 2.5), 1b (5), 2 (10), 3 (15), 4 (20), 5 (25), 6a (40) or 6b (above 40).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ÖV-Güteklassen&lt;/b&gt; (Swiss ARE method, classes A to D): at each stop, the mean interval between departures over the day window (default 06:00-20:00) per direction, and the best mode (A: rail and metro, B: tram and funicular, C: bus and others) give a stop category I to V; the class follows from the category and the distance: up to 300, 500, 750 and 1000 m. The best class over the nearby stops wins; empty means no class.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Grid&lt;/b&gt;: square cells (100 m by default) over the extent (default: the sites plus 1 km), with ptal_ai, ptal, oev_class and dep_500m_h measured from each cell's centre in straight line, styled with the PTAL colours (dark blue: poor, to dark red: excellent). Set the cell size to 0 for no grid.&lt;/p&gt;&lt;p&gt;Distances are computed in the sites' CRS when it is projected, otherwise in Lambert-93 (EPSG:2154) in metropolitan France and the local UTM zone elsewhere.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Mesure la qualité de la desserte en transports en commun de chaque site, et les mêmes indices sur une grille couvrant le territoire, à partir d'un flux GTFS (départs comptés comme dans &lt;i&gt;Offre de transport par arrêt&lt;/i&gt;).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Champs des sites&lt;/b&gt; : &lt;i&gt;nearest_stop&lt;/i&gt; (nom) et &lt;i&gt;nearest_stop_id&lt;/i&gt; de l'arrêt le plus proche ayant un départ dans la période de jour ou de pointe ; &lt;i&gt;nearest_stop_m&lt;/i&gt;, la distance à pied le long du réseau quand il est fourni, à vol d'oiseau sinon (&lt;i&gt;nearest_stop_method&lt;/i&gt; indique laquelle : un site hors du réseau, ou sans arrêt à moins de {search} km le long de celui-ci, se rabat sur la distance à vol d'oiseau) ; &lt;i&gt;dep_500m_h&lt;/i&gt;, les courses par heure de la période de pointe partant des arrêts situés à moins de 500 m (la distance retenue par les règles de stationnement françaises ; un bus desservant deux arrêts proches ne compte qu'une fois) ; &lt;i&gt;ptal_ai&lt;/i&gt; et &lt;i&gt;ptal&lt;/i&gt; ; &lt;i&gt;oev_class&lt;/i&gt;. Les polygones sont mesurés depuis leur point intérieur (un point situé dans le polygone) ; leur géométrie est conservée.&lt;/p&gt;&lt;p&gt;&lt;b&gt;PTAL&lt;/b&gt; (méthode de Transport for London) : marche à 80 m/min vers les arrêts de bus à moins de 640 m et vers les arrêts de train, métro et tramway à moins de 960 m ; pour chaque ligne, la fréquence f de son sens le plus desservi (direction_id ; un flux sans ce champ compte les deux sens ensemble) dans la période de pointe (par défaut 08:15-09:15) ; temps d'attente 0,5 × 60 / f plus 2 min (bus) ou 0,75 min (train, métro, tramway) ; EDF = 30 / (marche + attente) ; chaque ligne une seule fois, à son meilleur arrêt ; par mode, la meilleure EDF plus la moitié des autres ; l'indice d'accessibilité &lt;i&gt;ptal_ai&lt;/i&gt; est la somme sur les modes et la classe &lt;i&gt;ptal&lt;/i&gt; vaut 0 (aucune desserte), 1a (jusqu'à 2,5), 1b (5), 2 (10), 3 (15), 4 (20), 5 (25), 6a (40) ou 6b (au-delà de 40).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ÖV-Güteklassen&lt;/b&gt; (méthode de l'ARE suisse, classes A à D) : à chaque arrêt, l'intervalle moyen entre départs sur la période de jour (par défaut 06:00-20:00) par sens et le meilleur mode (A : train et métro, B : tramway et funiculaire, C : bus et autres) donnent une catégorie d'arrêt de I à V ; la classe découle de la catégorie et de la distance : jusqu'à 300, 500, 750 et 1000 m. La meilleure classe parmi les arrêts proches l'emporte ; vide signifie aucune classe.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Grille&lt;/b&gt; : carreaux carrés (100 m par défaut) sur l'emprise (par défaut : les sites plus 1 km), avec ptal_ai, ptal, oev_class et dep_500m_h mesurés à vol d'oiseau depuis le centre de chaque carreau, symbolisés avec les couleurs PTAL (du bleu foncé : faible, au rouge foncé : excellent). Mettez la taille des carreaux à 0 pour ne pas créer de grille.&lt;/p&gt;&lt;p&gt;Les distances sont calculées dans le SCR des sites s'il est projeté, sinon en Lambert-93 (EPSG:2154) en France métropolitaine et dans la zone UTM locale ailleurs.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>&lt;p&gt;One A4 landscape page per site, in one PDF (and optionally one PNG per page): the main map centred on the site with its walking catchment bands, the transit stops and the zoning; a locator map of the territory; the key figures (surface, status, dominant zone, PTAL, population reached); one bar per use with its score; the explanation of the score; sources, date and page numbers.&lt;/p&gt;&lt;p&gt;Pages follow the ranking: the rank field when present, otherwise the best of the three scores, highest first. By default only the candidate sites are printed (candidate_coworking, candidate_fablab or candidate_mediation true); all sites when those fields are missing or when no site is a candidate.&lt;/p&gt;&lt;p&gt;The page is the template resources/templates/fiche_friche_fr.qpt (or _en.qpt), which can be replaced by a copy restyled in the layout designer (keep the item ids main_map, locator_map and legend). The user's project is never modified: the algorithm works in a project of its own.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Une page A4 paysage par site, dans un seul PDF (et en option un PNG par page) : la carte principale centrée sur le site avec ses tranches de zone de chalandise à pied, les arrêts de transport en commun et le zonage ; une carte de situation du territoire ; les chiffres clés (surface, statut, zone dominante, PTAL, population atteinte) ; une barre par usage avec son score ; l'explication du score ; les sources, la date et les numéros de page.&lt;/p&gt;&lt;p&gt;Les pages suivent le classement : le champ rank s'il existe, sinon le meilleur des trois scores, du plus élevé au plus faible. Par défaut, seuls les sites candidats sont imprimés (candidate_coworking, candidate_fablab ou candidate_mediation vrai) ; tous les sites si ces champs manquent ou si aucun site n'est candidat.&lt;/p&gt;&lt;p&gt;La page suit le modèle resources/templates/fiche_friche_fr.qpt (ou _en.qpt), qui peut être remplacé par une copie remaniée dans le concepteur de mise en page (gardez les identifiants d'objets main_map, locator_map et legend). Le projet de l'utilisateur n'est jamais modifié : l'algorithme travaille dans son propre projet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_indicators.py"/>
        <source>&lt;p&gt;One row per period (calendar year or quarter, local time), computed from the inventory's history (every change is recorded by the database's triggers):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;sites_n, sites_ha, &amp;lt;status&amp;gt;_n, &amp;lt;status&amp;gt;_ha&lt;/b&gt;: the sites and their area (site_surface) by site_statut at the end of the period, the inventory rebuilt at that moment as Inventory at a date does (status keys: potentielle, sans_projet, avec_projet, reconvertie, autre = inconnu, autre, sans objet or empty);&lt;/li&gt;&lt;li&gt;&lt;b&gt;identified_n&lt;/b&gt;: sites present at the end of the period whose site_identif_date falls in it;&lt;/li&gt;&lt;li&gt;&lt;b&gt;status_changed_n, status_changes&lt;/b&gt;: sites whose site_statut changed during the period (a site added with a status is not a change), and the changes as “from → to: count”;&lt;/li&gt;&lt;li&gt;&lt;b&gt;converted_n&lt;/b&gt;: sites whose status became friche reconvertie in the period;&lt;/li&gt;&lt;li&gt;&lt;b&gt;to_project_n, median_days_to_project&lt;/b&gt;: sites whose status became friche avec projet in the period, and the median number of days from their site_identif_date to that change;&lt;/li&gt;&lt;li&gt;&lt;b&gt;places_opened_n, places_on_friche_n, places_open_n&lt;/b&gt;: tiers-lieux whose opening date falls in the period, those among them inside a site's outline or within {distance} m of its point (a former friche), and the places open at the end of the period (opened by then, or without a date);&lt;/li&gt;&lt;li&gt;&lt;b&gt;pop_covered, pop_covered_pct&lt;/b&gt; (with a network and a population grid): the population within the travel time of the places open at the end of the period, as in Coverage gaps (honest catchments merged, population spread evenly over each cell), and its share of the grid's population.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The second output lists every status change: period, site, from, to, when (local time), who (the database role, or the operating-system user for a GeoPackage) and the source (the imported file, the panel's form, another edit).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Une ligne par période (année ou trimestre civils, heure locale), calculée à partir de l'historique de l'inventaire (chaque modification est enregistrée par les déclencheurs de la base) :&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;sites_n, sites_ha, &amp;lt;statut&amp;gt;_n, &amp;lt;statut&amp;gt;_ha&lt;/b&gt; : les sites et leur surface (site_surface) par site_statut à la fin de la période, l'inventaire étant reconstitué à ce moment comme le fait Inventaire à une date (clés de statut : potentielle, sans_projet, avec_projet, reconvertie, autre = inconnu, autre, sans objet ou vide) ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;identified_n&lt;/b&gt; : les sites présents à la fin de la période dont site_identif_date tombe dans la période ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;status_changed_n, status_changes&lt;/b&gt; : les sites dont le site_statut a changé pendant la période (un site ajouté avec un statut n'est pas un changement), et les changements sous la forme « de → vers : nombre » ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;converted_n&lt;/b&gt; : les sites dont le statut est devenu friche reconvertie pendant la période ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;to_project_n, median_days_to_project&lt;/b&gt; : les sites dont le statut est devenu friche avec projet pendant la période, et le nombre médian de jours entre leur site_identif_date et ce changement ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;places_opened_n, places_on_friche_n, places_open_n&lt;/b&gt; : les tiers-lieux dont la date d'ouverture tombe dans la période, ceux d'entre eux situés dans l'emprise d'un site ou à moins de {distance} m de son point (une ancienne friche), et les lieux ouverts à la fin de la période (ouverts à cette date, ou sans date) ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;pop_covered, pop_covered_pct&lt;/b&gt; (avec un réseau et un carroyage de population) : la population à moins du temps de trajet des lieux ouverts à la fin de la période, comme dans Zones non desservies (zones d'accessibilité honnêtes fusionnées, population répartie uniformément dans chaque carreau), et sa part de la population du carroyage.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;La seconde sortie liste chaque changement de statut : période, site, ancien, nouveau, date (heure locale), auteur (le rôle de la base, ou l'utilisateur du système pour un GeoPackage) et l'origine (le fichier importé, le formulaire du panneau, une autre modification).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>&lt;p&gt;Prices the conversion of each site into each use with the cost table (resources/costs/default.json, indicative values with their sources, or your copy): conversion works per m² by building state (bati_etat) and use, on the floor area the use needs; demolition of the part beyond repair; asbestos or lead removal (bati_pollution); soil depollution when pollution is proven or suspected (sol_pollution_existe); accessibility of a public building and a lift; energy renovation; studies; the acquisition (the price of Land prices plus fees); the yearly revenue from the rent per m² of the use.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: per use works_&lt;use&gt;_eur, total_&lt;use&gt;_eur (empty without a purchase price: never guessed), revenue_&lt;use&gt;_eur_yr, converted_&lt;use&gt;_m2; cost_notes lists what was not known (unknown state or pollution, no price); the lines table gives every amount with its quantity, rate and source.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Chiffre la reconversion de chaque site pour chaque usage avec la table des coûts (resources/costs/default.json, valeurs indicatives avec leurs sources, ou votre copie) : travaux de reconversion au m² selon l'état du bâti (bati_etat) et l'usage, sur la surface de plancher dont l'usage a besoin ; démolition de la partie irrécupérable ; désamiantage ou déplombage (bati_pollution) ; dépollution des sols quand la pollution est avérée ou supposée (sol_pollution_existe) ; accessibilité d'un établissement recevant du public et ascenseur ; rénovation énergétique ; études ; l'acquisition (le prix de Prix du foncier plus les frais) ; la recette annuelle d'après le loyer au m² de l'usage.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : par usage works_&lt;use&gt;_eur, total_&lt;use&gt;_eur (vide sans prix d'achat : jamais deviné), revenue_&lt;use&gt;_eur_yr, converted_&lt;use&gt;_m2 ; cost_notes liste ce qui n'était pas connu (état ou pollution inconnus, pas de prix) ; la table des lignes donne chaque montant avec sa quantité, son taux et sa source.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>&lt;p&gt;Reads a friches inventory, checks it against the CNIG friches standard ({version}) and writes the sites as points (&lt;i&gt;Imported sites&lt;/i&gt;) and their outlines (&lt;i&gt;Site polygons&lt;/i&gt;) in a projected CRS, with a report of every problem found.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs&lt;/b&gt;: any layer QGIS reads: a CNIG or Cartofriches CSV (loaded without geometry: the WKT columns &lt;i&gt;geompoint&lt;/i&gt; / &lt;i&gt;geomsurf&lt;/i&gt;, or coordinate columns x/y, lon/lat, longitude/latitude, are read), GeoJSON, GeoPackage, shapefile (with the standard's short names such as SITEID, SITENOM). A shapefile without .cpg or a CSV that is not UTF-8 is re-read in windows-1252 (latin-1) when its bytes are not UTF-8; a CSV in UTF-16, or with a line longer than QGIS reads (10 MiB), is read row by row by the plugin; the &lt;i&gt;Encoding&lt;/i&gt; parameter forces another encoding. Whole numbers beyond 32 bits and coordinates that are not finite (NaN, infinite) are reported on their row, never written.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fields&lt;/b&gt; are matched by their CNIG name (any case), then by their known aliases (shapefile short names, Cartofriches names such as site_numero, code_insee, nom_commune). The &lt;i&gt;Field mapping&lt;/i&gt; adds explicit pairs &lt;code&gt;cnig_field=source_field&lt;/code&gt; separated by &lt;code&gt;;&lt;/code&gt;, e.g. &lt;code&gt;site_nom=NOM;site_type=TYPE;x=X_L93;y=Y_L93&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Checks&lt;/b&gt;: coded values are written with the standard's spelling (case, accents and apostrophes ignored); a value not in the list becomes &lt;i&gt;inconnu&lt;/i&gt; and the original is kept in &lt;i&gt;import_notes&lt;/i&gt;. Patterns (refcad, activity codes, owner types, URLs, distances) are repaired when unambiguous (Cartofriches list strings such as ['49353000AC0628']), otherwise kept and reported. Dates are read from YYYY-MM-DD, DD/MM/YYYY (day first) or ISO date-times; unreadable dates become NULL. Empty required fields are reported; site_type and urba_zaer take &lt;i&gt;inconnu&lt;/i&gt;. A missing site_id is generated as &lt;code&gt;&amp;lt;comm_insee&amp;gt;_FTL&amp;lt;8 hex&amp;gt;&lt;/code&gt; from the name, the commune and the location (the same on every run).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Geometry&lt;/b&gt; comes from the layer, or from geomsurf / geompoint WKT, or from coordinate columns, in the layer's CRS or the &lt;i&gt;Source CRS&lt;/i&gt; (when not set, WKT and coordinate columns in degrees are read as EPSG:4326, others as EPSG:2154). WKT written latitude first (like the standard's own example) is swapped; invalid polygons are repaired; an unreadable geomsurf leaves the site as a point. The point is geompoint when it lies within {near} m of the polygon, otherwise the polygon's point on surface. Rows without any geometry, and rows repeating an earlier site_id, are rejected; sites closer than {dist} m or whose polygons overlap by more than {overlap} % are flagged as possible duplicates.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Surfaces&lt;/b&gt;: site_surface (m²) is the polygon area, else unite_fonciere_surface (surface_source = geometry, declared or unknown); an empty unite_fonciere_surface takes the polygon area.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Report&lt;/b&gt;: one line per problem or decision, with the input row number, the source feature id, site_id, site_nom, severity (&lt;i&gt;error&lt;/i&gt; = row rejected, &lt;i&gt;warning&lt;/i&gt; = kept but changed or doubtful, &lt;i&gt;info&lt;/i&gt;), field, original value, reason and action. Every input row is either an imported site or an &lt;i&gt;error&lt;/i&gt; line.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inventory&lt;/b&gt;: when an inventory is given (a GeoPackage, or a PostgreSQL/PostGIS table: a saved connection written &lt;code&gt;connection='Équipe SIG' schema=inventaire table=friches&lt;/code&gt;, or a PostgreSQL layer URI), the imported sites are merged into it (tables friches and friches_emprises, or &amp;lt;table&amp;gt; and &amp;lt;table&amp;gt;_emprises, created with their history when missing), matched on site_id: new sites are added; a stored site is updated only when the incoming site_actu_date is the same or later (a stored site edited later, e.g. in the inventory panel, is kept as it is and reported); an empty incoming value, or an incoming &lt;i&gt;inconnu&lt;/i&gt;, never replaces a stored value; sites absent from the input are never deleted. The whole merge is one transaction, recorded in the inventory's history with the file name; it is refused, with nothing written, when a site was changed by someone else since the merge read it (run it again), and an existing table whose columns would damage the values (a text site_id in a whole-number column) is refused, never altered. Passwords come from QGIS's authentication database or the saved connection and are never written to the outputs or the log. The &lt;i&gt;Imported sites&lt;/i&gt; output still holds this import alone. Save the inventory layer's pending edits before merging.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lit un inventaire de friches, le contrôle au regard du standard CNIG Friches ({version}) et écrit les sites en points (&lt;i&gt;Sites importés&lt;/i&gt;) et leurs emprises (&lt;i&gt;Emprises des sites&lt;/i&gt;) dans un SCR projeté, avec un rapport de chaque problème rencontré.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Entrées&lt;/b&gt; : toute couche lisible par QGIS : un CSV CNIG ou Cartofriches (chargé sans géométrie : les colonnes WKT &lt;i&gt;geompoint&lt;/i&gt; / &lt;i&gt;geomsurf&lt;/i&gt;, ou les colonnes de coordonnées x/y, lon/lat, longitude/latitude, sont lues), GeoJSON, GeoPackage, shapefile (avec les noms courts du standard comme SITEID, SITENOM). Un shapefile sans .cpg ou un CSV qui n'est pas en UTF-8 est relu en windows-1252 (latin-1) quand ses octets ne sont pas de l'UTF-8 ; un CSV en UTF-16, ou dont une ligne dépasse ce que QGIS lit (10 Mio), est lu ligne par ligne par l'extension ; le paramètre &lt;i&gt;Encodage&lt;/i&gt; impose un autre encodage. Les nombres entiers au-delà de 32 bits et les coordonnées non finies (NaN, infinies) sont signalés sur leur ligne, jamais écrits.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Champs&lt;/b&gt; : ils sont reconnus par leur nom CNIG (casse indifférente), puis par leurs alias connus (noms courts du shapefile, noms Cartofriches comme site_numero, code_insee, nom_commune). La &lt;i&gt;Correspondance des champs&lt;/i&gt; ajoute des paires explicites &lt;code&gt;cnig_field=source_field&lt;/code&gt; séparées par &lt;code&gt;;&lt;/code&gt;, par ex. &lt;code&gt;site_nom=NOM;site_type=TYPE;x=X_L93;y=Y_L93&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Contrôles&lt;/b&gt; : les valeurs codées sont écrites avec l'orthographe du standard (casse, accents et apostrophes ignorés) ; une valeur absente de la liste devient &lt;i&gt;inconnu&lt;/i&gt; et l'originale est gardée dans &lt;i&gt;import_notes&lt;/i&gt;. Les motifs (refcad, codes d'activité, types de propriétaires, URL, distances) sont réparés quand c'est sans ambiguïté (listes Cartofriches comme ['49353000AC0628']), sinon gardés et signalés. Les dates sont lues en AAAA-MM-JJ, JJ/MM/AAAA (jour d'abord) ou date-heure ISO ; les dates illisibles deviennent NULL. Les champs obligatoires vides sont signalés ; site_type et urba_zaer prennent &lt;i&gt;inconnu&lt;/i&gt;. Un site_id manquant est généré sous la forme &lt;code&gt;&amp;lt;comm_insee&amp;gt;_FTL&amp;lt;8 hex&amp;gt;&lt;/code&gt; à partir du nom, de la commune et de la position (le même à chaque import).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Géométrie&lt;/b&gt; : elle vient de la couche, ou du WKT geomsurf / geompoint, ou des colonnes de coordonnées, dans le SCR de la couche ou le &lt;i&gt;SCR source&lt;/i&gt; (s'il n'est pas renseigné, les colonnes WKT et de coordonnées en degrés sont lues en EPSG:4326, les autres en EPSG:2154). Le WKT écrit latitude d'abord (comme l'exemple du standard lui-même) est inversé ; les polygones invalides sont réparés ; un geomsurf illisible laisse le site en point. Le point est geompoint s'il est à moins de {near} m du polygone, sinon le point intérieur du polygone. Les lignes sans aucune géométrie et celles qui répètent un site_id déjà lu sont rejetées ; les sites distants de moins de {dist} m ou dont les polygones se recouvrent à plus de {overlap} % sont signalés comme doublons possibles.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Surfaces&lt;/b&gt; : site_surface (m²) est l'aire du polygone, sinon unite_fonciere_surface (surface_source = geometry, declared ou unknown) ; un unite_fonciere_surface vide prend l'aire du polygone.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Rapport&lt;/b&gt; : une ligne par problème ou décision, avec le numéro de ligne en entrée, l'identifiant de l'entité source, site_id, site_nom, la gravité (&lt;i&gt;error&lt;/i&gt; = ligne rejetée, &lt;i&gt;warning&lt;/i&gt; = gardée mais modifiée ou douteuse, &lt;i&gt;info&lt;/i&gt;), le champ, la valeur d'origine, le motif et l'action. Chaque ligne en entrée est soit un site importé, soit une ligne &lt;i&gt;error&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inventaire&lt;/b&gt; : si un inventaire est indiqué (un GeoPackage, ou une table PostgreSQL/PostGIS : une connexion enregistrée écrite &lt;code&gt;connection='Équipe SIG' schema=inventaire table=friches&lt;/code&gt;, ou une URI de couche PostgreSQL), les sites importés y sont fusionnés (tables friches et friches_emprises, ou &amp;lt;table&amp;gt; et &amp;lt;table&amp;gt;_emprises, créées avec leur historique si besoin), en les rapprochant par site_id : les nouveaux sites sont ajoutés ; un site déjà présent n'est mis à jour que si le site_actu_date importé est le même ou plus récent (un site modifié plus tard, par ex. dans le panneau d'inventaire, est gardé tel quel et signalé) ; une valeur importée vide, ou un &lt;i&gt;inconnu&lt;/i&gt; importé, ne remplace jamais une valeur enregistrée ; les sites absents de l'import ne sont jamais supprimés. Toute la fusion est une seule transaction, inscrite dans l'historique de l'inventaire avec le nom du fichier ; elle est refusée, sans rien écrire, si un site a été modifié par quelqu'un d'autre depuis que la fusion l'a lu (relancez-la), et une table existante dont les colonnes abîmeraient les valeurs (un site_id texte dans une colonne d'entiers) est refusée, jamais modifiée. Les mots de passe viennent de la base d'authentification de QGIS ou de la connexion enregistrée et ne sont jamais écrits dans les sorties ni dans le journal. La sortie &lt;i&gt;Sites importés&lt;/i&gt; ne contient que cet import. Enregistrez les modifications en cours de la couche d'inventaire avant la fusion.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>&lt;p&gt;Reads a GTFS feed (zip) and counts, at every stop, the departures of a given day between a start and an end time, with the routes and modes that serve it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;What counts as a departure&lt;/b&gt;: a vehicle leaving a stop where passengers may board. Arrivals at a trip's last stop and stop times with pickup_type 1 (no pickup) are not departures. The window includes its start and excludes its end.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Service day&lt;/b&gt;: the services active on the date come from calendar.txt and calendar_dates.txt (added and removed dates; feeds with calendar_dates.txt only are read too). GTFS times may exceed 24:00: a trip of the day before at 25:10 leaves at 01:10 on the date and is counted there. Trips of frequencies.txt run every headway_secs from start_time while the start is before end_time (exact_times 0 or 1 alike); their template times are not counted as an extra trip. Stops with no time are interpolated between timed stops.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Date&lt;/b&gt;: when empty, a representative weekday inside the feed's validity: the first Tuesday, Wednesday or Thursday whose number of trips is the most common among weekdays (not a holiday). The date used is written in the log.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Stops&lt;/b&gt;: platforms are grouped under their parent station when asked (one point per station); stations without platforms, entrances, generic nodes and boarding areas are never listed (boarding areas count at their platform).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fields&lt;/b&gt;: stop_id, stop_name, departures (in the window), departures_per_hour, mean_headway_min (window length / departures: the headway of a regular service with the same count; empty without departures), routes (distinct routes), route_names, modes (rail, metro, tram, bus... from route_type, extended codes 100-1700 included).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Routes&lt;/b&gt; (optional output): one line per route running on the date, from shapes.txt (or through its stops when the feed has no shapes), with its departures in the window (distinct vehicle journeys) and per hour.&lt;/p&gt;&lt;p&gt;A malformed feed (a missing file or column, an unreadable time, a stop_times row pointing to an unknown stop or trip...) stops the algorithm with a message naming the file and the row.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lit un flux GTFS (zip) et compte, à chaque arrêt, les départs d'un jour donné entre une heure de début et une heure de fin, avec les lignes et les modes qui le desservent.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ce qui compte comme départ&lt;/b&gt; : un véhicule quittant un arrêt où les voyageurs peuvent monter. Les arrivées au dernier arrêt d'une course et les horaires avec pickup_type 1 (montée interdite) ne sont pas des départs. La plage inclut son début et exclut sa fin.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Jour de service&lt;/b&gt; : les services actifs à la date viennent de calendar.txt et calendar_dates.txt (dates ajoutées et retirées ; les flux n'ayant que calendar_dates.txt sont lus aussi). Les horaires GTFS peuvent dépasser 24:00 : une course de la veille à 25:10 part à 01:10 le jour analysé et y est comptée. Les courses de frequencies.txt partent toutes les headway_secs à partir de start_time tant que le départ est avant end_time (exact_times 0 ou 1 indifféremment) ; leurs horaires modèles ne comptent pas comme une course supplémentaire. Les arrêts sans horaire sont interpolés entre les arrêts horodatés.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Date&lt;/b&gt; : si elle est vide, un jour de semaine représentatif dans la période de validité du flux : le premier mardi, mercredi ou jeudi dont le nombre de courses est le plus fréquent parmi les jours de semaine (hors jour férié). La date utilisée est écrite dans le journal.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Arrêts&lt;/b&gt; : les quais sont regroupés sous leur station parente si demandé (un point par station) ; les stations sans quai, les entrées, les nœuds génériques et les zones d'embarquement ne sont jamais listés (les zones d'embarquement comptent pour leur quai).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Champs&lt;/b&gt; : stop_id, stop_name, departures (dans la plage), departures_per_hour, mean_headway_min (durée de la plage / départs : l'intervalle d'un service régulier ayant le même nombre de départs ; vide sans départ), routes (lignes distinctes), route_names, modes (rail, metro, tram, bus... d'après route_type, codes étendus 100-1700 compris).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lignes&lt;/b&gt; (sortie facultative) : un tracé par ligne circulant à la date, d'après shapes.txt (ou passant par ses arrêts si le flux n'a pas de shapes), avec ses départs dans la plage (courses distinctes) et par heure.&lt;/p&gt;&lt;p&gt;Un flux mal formé (fichier ou colonne manquant, horaire illisible, ligne de stop_times renvoyant à un arrêt ou une course inconnus...) arrête l'algorithme avec un message indiquant le fichier et la ligne.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>&lt;p&gt;Runs the whole analysis in one go, with the default settings of each step, and writes every result into one GeoPackage and the site sheets into one PDF. The steps, as the log numbers them:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Import inventory (skipped when the inventory is already imported: it has site_id);&lt;/li&gt;&lt;li&gt;Catchment on foot (5, 10, 15 min) with the population reached;&lt;/li&gt;&lt;li&gt;Transit service per stop (skipped without GTFS feed);&lt;/li&gt;&lt;li&gt;Transit coverage: PTAL and ÖV class of the sites and of a grid (skipped without GTFS feed);&lt;/li&gt;&lt;li&gt;Zoning overlay (skipped without PLU zones);&lt;/li&gt;&lt;li&gt;Coverage gaps around the existing tiers-lieux (skipped without places or population);&lt;/li&gt;&lt;li&gt;Score candidates;&lt;/li&gt;&lt;li&gt;Select sites: the candidates that together reach the most people not served (skipped without population);&lt;/li&gt;&lt;li&gt;Styles of the results when they load in QGIS;&lt;/li&gt;&lt;li&gt;Export the site sheets atlas: the candidate sites, best first, each saying whether it was selected.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;A missing optional input skips its step with a line in the log, never an error. Tables of the GeoPackage: friches, friches_emprises and import_report (when imported), sites_catchment, catchment_walk, stops, sites_transit, ptal_grid, zoning_sites, zones, coverage_gaps, coverage_candidates, covered_area, sites_scored, candidates, selection, selection_log. A table of the same name is replaced, other tables are kept. Each step is also an algorithm of its own, to rerun with other settings.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lance toute l'analyse en une fois, avec les paramètres par défaut de chaque étape, et écrit tous les résultats dans un seul GeoPackage et les fiches sites dans un seul PDF. Les étapes, telles que le journal les numérote :&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Import de l'inventaire (sauf s'il est déjà importé : il a un site_id) ;&lt;/li&gt;&lt;li&gt;Zone de chalandise à pied (5, 10, 15 min) avec la population atteinte ;&lt;/li&gt;&lt;li&gt;Offre de transport par arrêt (nécessite un flux GTFS) ;&lt;/li&gt;&lt;li&gt;Desserte en transports en commun : PTAL et classe ÖV des sites et d'une grille (nécessite un flux GTFS) ;&lt;/li&gt;&lt;li&gt;Croisement avec le zonage (nécessite les zones du PLU) ;&lt;/li&gt;&lt;li&gt;Zones non couvertes autour des tiers-lieux existants (nécessite les lieux et la population) ;&lt;/li&gt;&lt;li&gt;Notation des sites candidats ;&lt;/li&gt;&lt;li&gt;Sélection des sites : les candidats qui, ensemble, atteignent le plus d'habitants non desservis (nécessite la population) ;&lt;/li&gt;&lt;li&gt;Styles des résultats lorsqu'ils sont chargés dans QGIS ;&lt;/li&gt;&lt;li&gt;Export de l'atlas des fiches sites : les sites candidats, les meilleurs d'abord, chacun indiquant s'il a été sélectionné.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Une donnée facultative manquante fait sauter son étape avec une ligne dans le journal, jamais une erreur. Tables du GeoPackage : friches, friches_emprises et import_report (en cas d'import), sites_catchment, catchment_walk, stops, sites_transit, ptal_grid, zoning_sites, zones, coverage_gaps, coverage_candidates, covered_area, sites_scored, candidates, selection, selection_log. Une table du même nom est remplacée, les autres tables sont conservées. Chaque étape est aussi un algorithme à part entière, à relancer avec d'autres paramètres.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>&lt;p&gt;Scores each site of the inventory from 0 to 100 for three uses: &lt;b&gt;coworking&lt;/b&gt;, &lt;b&gt;fablab&lt;/b&gt; and &lt;b&gt;digital inclusion place&lt;/b&gt; (médiation numérique), from the inventory's own fields and, joined by &lt;i&gt;site_id&lt;/i&gt;, the outputs of Catchment, Coverage gaps, Transit coverage and Zoning overlay, plus optional layers (existing places, services, QPV, schools, town halls).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (the plugin's own, documented with every threshold, weight and source in resources/profiles/README.md): each criterion gives a value from 0 to 1 through the profile's thresholds (e.g. stop within 300 m: 1, 800 m: 0); the &lt;b&gt;score&lt;/b&gt; is 100 × the weighted mean of the criteria that have data; the &lt;b&gt;reliability&lt;/b&gt; (0-100 %) is the share of the weights with data, so a missing analysis lowers the reliability instead of failing or favouring a site. &lt;b&gt;Rules&lt;/b&gt; then exclude a use (reconverted site, zoning incompatible with the use) or cap its score (proven soil pollution: coworking and digital inclusion at 45, fablab at 55; no building to reuse: 40).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: score_coworking, score_fablab, score_mediation; candidate_* (not excluded, score at least the threshold, reliability at least the profile's minimum, 50 % by default); best_use and best_score; rank (by best score, then reliability, then site_id) and rank_* per use; reliability; explanation_fr and explanation_en, a sentence naming the main strengths and the blocking constraints; score_details, the normalised value of every criterion, which the Candidates panel uses to re-rank live when weights change.&lt;/p&gt;&lt;p&gt;Criteria, thresholds, weights and rules live in an editable JSON profile: copy resources/profiles/default.json, change it and give it as &lt;i&gt;Scoring profile&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Note chaque site de l'inventaire de 0 à 100 pour trois usages : &lt;b&gt;coworking&lt;/b&gt;, &lt;b&gt;fablab&lt;/b&gt; et &lt;b&gt;lieu de médiation numérique&lt;/b&gt;, à partir des champs de l'inventaire lui-même et, joints par &lt;i&gt;site_id&lt;/i&gt;, des sorties des algorithmes Zone de chalandise, Zones non couvertes, Desserte en transports en commun et Croisement avec le zonage, ainsi que de couches facultatives (lieux existants, services, QPV, établissements d'enseignement, mairies).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode&lt;/b&gt; (propre à l'extension, documentée avec chaque seuil, pondération et source dans resources/profiles/README.md) : chaque critère donne une valeur de 0 à 1 selon les seuils du profil (par ex. arrêt à moins de 300 m : 1, à 800 m : 0) ; le &lt;b&gt;score&lt;/b&gt; vaut 100 × la moyenne pondérée des critères renseignés ; la &lt;b&gt;fiabilité&lt;/b&gt; (0-100 %) est la part des pondérations renseignées, de sorte qu'une analyse manquante abaisse la fiabilité au lieu de faire échouer ou de favoriser un site. Des &lt;b&gt;règles&lt;/b&gt; excluent ensuite un usage (site reconverti, zonage incompatible avec l'usage) ou plafonnent son score (pollution des sols avérée : coworking et médiation numérique à 45, fablab à 55 ; aucun bâtiment à réutiliser : 40).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : score_coworking, score_fablab, score_mediation ; candidate_* (usage non exclu, score au moins égal au seuil, fiabilité au moins égale au minimum du profil, 50 % par défaut) ; best_use et best_score ; rank (par meilleur score, puis fiabilité, puis site_id) et rank_* par usage ; reliability ; explanation_fr et explanation_en, une phrase citant les principaux atouts et les contraintes bloquantes ; score_details, la valeur normalisée de chaque critère, que le panneau Candidats utilise pour reclasser en direct quand les pondérations changent.&lt;/p&gt;&lt;p&gt;Critères, seuils, pondérations et règles sont définis dans un profil JSON modifiable : copiez resources/profiles/default.json, modifiez-le et indiquez-le comme &lt;i&gt;Profil de notation&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>&lt;p&gt;The areas and population that no existing place (tiers-lieux, France Services, libraries...) reaches within a travel time on the road network, and for each candidate site the population it would newly cover.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; The catchments of the existing places are computed as in the Catchment algorithm (honest polygons: no point farther than 50 m from a road reached in time) and merged. The uncovered population of a grid cell is its population times the share of its area outside the merged catchments. Gap areas are the populated cells minus the covered area. A candidate's new coverage is the population of its own catchment outside the covered area: each candidate is compared with the existing places only, not with the other candidates.&lt;/p&gt;&lt;p&gt;Places or candidates too far from the network are reported by name and do not count.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les zones et la population qu'aucun lieu existant (tiers-lieux, France Services, bibliothèques...) n'atteint dans un temps de parcours sur le réseau routier, et pour chaque site candidat la population supplémentaire qu'il couvrirait.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode.&lt;/b&gt; Les zones de chalandise des lieux existants sont calculées comme dans l'algorithme Zone de chalandise (polygones fidèles : aucun point à plus de 50 m d'une route atteinte dans le temps imparti) puis fusionnées. La population non couverte d'un carreau de la grille est sa population multipliée par la part de sa surface située hors des zones de chalandise fusionnées. Les zones non couvertes sont les carreaux peuplés moins la zone couverte. La nouvelle couverture d'un candidat est la population de sa propre zone de chalandise située hors de la zone couverte : chaque candidat est comparé aux seuls lieux existants, pas aux autres candidats.&lt;/p&gt;&lt;p&gt;Les lieux ou candidats trop éloignés du réseau sont signalés par leur nom et ne comptent pas.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>&lt;p&gt;The sites of the inventory as they stood at the given moment: every field, the point and the outline.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; The inventory keeps one history row per changed field (written by the database's own triggers, whoever made the change). Starting from the sites as they are now, every change recorded after the moment is undone, the latest first: a site added after the moment is left out, a site deleted after it comes back with the values it had, a renamed site takes its old identifier. A date without a time means the end of that day (local time).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limits.&lt;/b&gt; The history begins when the inventory was created (or, for an older GeoPackage, when the plugin first opened it): for an earlier moment, the sites present then are shown as they were when the history began, and the log says so.&lt;/p&gt;&lt;p&gt;Each site also gets last_change_at (local time) and last_changed_by: the last change it had before the moment.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les sites de l'inventaire tels qu'ils étaient au moment indiqué : chaque champ, le point et l'emprise.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode.&lt;/b&gt; L'inventaire garde une ligne d'historique par champ modifié (écrite par les déclencheurs de la base elle-même, quel que soit l'auteur de la modification). En partant des sites tels qu'ils sont aujourd'hui, chaque modification enregistrée après ce moment est annulée, la plus récente d'abord : un site ajouté après ce moment est écarté, un site supprimé après revient avec les valeurs qu'il avait, un site renommé reprend son ancien identifiant. Une date sans heure désigne la fin de ce jour (heure locale).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limites.&lt;/b&gt; L'historique commence à la création de l'inventaire (ou, pour un GeoPackage plus ancien, quand l'extension l'a ouvert pour la première fois) : pour un moment antérieur, les sites présents alors sont montrés tels qu'ils étaient au début de l'historique, et le journal le signale.&lt;/p&gt;&lt;p&gt;Chaque site reçoit aussi last_change_at (heure locale) et last_changed_by : sa dernière modification avant ce moment.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>&lt;p&gt;Writes one GeoPackage (Lambert-93) with every input of &lt;i&gt;Full analysis&lt;/i&gt; for a territory, cut to the territory grown by a buffer: communes, territory_area, routes, population_200m, friches and friches_emprises (imported in the CNIG standard, with import_report), tiers_lieux, services, the PLU layers (zone_urba, secteur_cc, prescription_*, info_*), gtfs_feed (the GTFS cut to the trips serving the area, still a valid feed) and prepare_report: for each layer its source, what was kept, cut at the edge or dropped (outside, without geometry, unreadable), and what is missing.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Territory&lt;/b&gt;: INSEE codes of communes or arrondissements (13210, 13209) or one EPCI SIREN code, with their outlines from a communes layer (ADMIN EXPRESS) or from the API Découpage administratif; or a polygon layer.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Files&lt;/b&gt; of any size (a BD TOPO département, the Filosofi grid of France, the national Cartofriches file) are read through their spatial index or streamed, never loaded whole.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Online sources&lt;/b&gt; are used only when ticked, each one named: outlines (geo.api.gouv.fr), friches (Cerema API Données foncières, Cartofriches), roads (IGN Géoplateforme WFS, BD TOPO; or OpenStreetMap through an Overpass API), GTFS feeds listed by transport.data.gouv.fr for the territory's communes and EPCI, PLU (API Carto GPU). Requests go through QGIS's network settings (proxy, authentication), with a time-out, retries and a disk cache.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Écrit un GeoPackage (Lambert-93) contenant toutes les données d'entrée de l'&lt;i&gt;Analyse complète&lt;/i&gt; pour un territoire, découpées au territoire élargi d'une zone tampon : communes, territory_area, routes, population_200m, friches et friches_emprises (importées au standard CNIG, avec import_report), tiers_lieux, services, les couches du PLU (zone_urba, secteur_cc, prescription_*, info_*), gtfs_feed (le GTFS réduit aux courses qui desservent la zone, toujours un flux valide) et prepare_report : pour chaque couche sa source, ce qui a été gardé, découpé au bord ou écarté (hors zone, sans géométrie, illisible), et ce qui manque.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Territoire&lt;/b&gt; : codes INSEE de communes ou d'arrondissements (13210, 13209) ou le code SIREN d'un EPCI, avec leurs contours pris dans une couche de communes (ADMIN EXPRESS) ou dans l'API Découpage administratif ; ou une couche de polygones.&lt;/p&gt;&lt;p&gt;Les &lt;b&gt;fichiers&lt;/b&gt; de toute taille (BD TOPO d'un département, grille Filosofi de la France, fichier national Cartofriches) sont lus par leur index spatial ou en flux, jamais chargés en entier.&lt;/p&gt;&lt;p&gt;Les &lt;b&gt;sources en ligne&lt;/b&gt; ne sont utilisées que si elles sont cochées, chacune nommée : contours (geo.api.gouv.fr), friches (API Données foncières du Cerema, Cartofriches), routes (WFS de la Géoplateforme IGN, BD TOPO ; ou OpenStreetMap via une API Overpass), flux GTFS recensés par transport.data.gouv.fr pour les communes et l'EPCI du territoire, PLU (API Carto GPU). Les requêtes passent par les réglages réseau de QGIS (proxy, authentification), avec un délai d'attente, des nouvelles tentatives et un cache sur disque.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>[{pct} of the site in zone {zone}: {result}]</source>
        <translation>[{pct} du site en zone {zone} : {result}]</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>A budget row without year or amount is ignored ({year}, {amount}).</source>
        <translation>Une ligne de budget sans année ou sans montant est ignorée ({year}, {amount}).</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>A Catchment run by car (pop_20min in the profile): car access of peri-urban sites.</source>
        <translation>Une zone de chalandise calculée en voiture (pop_20min dans le profil) : accessibilité en voiture des sites périurbains.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>A CNIG friches file or layer (imported first), or an inventory already imported (the friches layer of the inventory GeoPackage, with site_id). Needed unless a prepared territory holds it.</source>
        <translation>Un fichier ou une couche de friches au standard CNIG (importé d'abord), ou un inventaire déjà importé (la couche friches du GeoPackage d'inventaire, avec site_id). Obligatoire sauf si un territoire préparé le contient.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>A CNIG ZONE_URBA layer (fields TYPEZONE, LIBELLE; optional LIBELONG, IDURBA, FORMDOMI, DESTDOMI, DESTOUI, DESTCDT, DESTNON) or a carte communale SECTEUR_CC layer (TYPESECT, LIBELLE), e.g. from friches:load_gpu or the GPU. Field names in any case.</source>
        <translation>Une couche CNIG ZONE_URBA (champs TYPEZONE, LIBELLE ; facultatifs : LIBELONG, IDURBA, FORMDOMI, DESTDOMI, DESTOUI, DESTCDT, DESTNON) ou une couche SECTEUR_CC de carte communale (TYPESECT, LIBELLE), par ex. issue de friches:load_gpu ou du GPU. Noms de champs quelle que soit la casse.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>A date, a date-time, or a year (1 January). Empty: the first of opening_date, date_ouverture, opening_year… A place without a date counts as open all along.</source>
        <translation>Une date, une date-heure ou une année (1er janvier). Vide : le premier de opening_date, date_ouverture, opening_year… Un lieu sans date compte comme ouvert sur toute la période.</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>a feature</source>
        <translation>une entité</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>A file of any size: BD TOPO by département, an OpenStreetMap extract (.osm.pbf)... Lines are cut at the area's edge, attributes kept.</source>
        <translation>Un fichier de toute taille : BD TOPO d'un département, extrait OpenStreetMap (.osm.pbf)… Les lignes sont découpées au bord de la zone, attributs conservés.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>A file of the geolocated DVF published by Etalab (e.g. 45.csv.gz for the Loiret); several years: concatenate them, the duplicates are reported.</source>
        <translation>Un fichier des DVF géolocalisées publiées par Etalab (par exemple 45.csv.gz pour le Loiret) ; plusieurs années : mettez-les bout à bout, les doublons sont signalés.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>A GeoPackage written by Prepare a territory: every input below is taken from it by its layer name (friches, routes, population_200m, zone_urba, prescription_*, tiers_lieux, services, communes, gtfs_feed). An input also given below wins.</source>
        <translation>Un GeoPackage écrit par Préparer un territoire : chaque donnée ci-dessous y est prise d'après le nom de sa couche (friches, routes, population_200m, zone_urba, prescription_*, tiers_lieux, services, communes, gtfs_feed). Une donnée aussi fournie ci-dessous l'emporte.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>A GTFS zip: stops, routes, trips, stop_times and calendar and/or calendar_dates.</source>
        <translation>Un fichier zip GTFS : stops, routes, trips, stop_times et calendar et/ou calendar_dates.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>a largest yearly budget</source>
        <translation>un plus gros budget annuel</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>A layer written by “Score candidate sites” (score_* fields)</source>
        <translation>Une couche écrite par « Noter les sites candidats » (champs score_*)</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>A line end touching nothing is joined to the nearest vertex within this distance (digitising gaps).</source>
        <translation>Une extrémité de ligne qui ne touche rien est reliée au sommet le plus proche situé à moins de cette distance (défauts de numérisation).</translation>
    </message>
    <message>
        <location filename="../processing/inventory_input.py"/>
        <source>a line longer than QGIS reads</source>
        <translation>une ligne plus longue que ce que QGIS lit</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>A new file with one layer per input of the analysis and the prepare_report table.</source>
        <translation>Un nouveau fichier avec une couche par donnée d'entrée de l'analyse et la table prepare_report.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>A numeric field</source>
        <translation>Un champ numérique</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>A QGIS authentication configuration sent with the requests, if a service needs one.</source>
        <translation>Une configuration d'authentification QGIS envoyée avec les requêtes, si un service en demande une.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>A QGIS authentication configuration sent with the requests, if the service needs one.</source>
        <translation>Une configuration d'authentification QGIS envoyée avec les requêtes, si le service en demande une.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <source>A request without a complete answer in this time is abandoned (then retried).</source>
        <translation>Une requête sans réponse complète dans ce délai est abandonnée (puis retentée).</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>A saved PostgreSQL connection of QGIS (Data Source Manager)</source>
        <translation>Une connexion PostgreSQL enregistrée dans QGIS (gestionnaire des sources de données)</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>A score from 0 to 100 per use for each site, with its reliability, the candidates, the best use, a rank and a sentence explaining it.</source>
        <translation>Un score de 0 à 100 par usage pour chaque site, avec sa fiabilité, les usages candidats, le meilleur usage, un rang et une phrase d'explication.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>A site farther than this from every road usable in the mode is reported as not connected (by name, with its distance) instead of getting an empty catchment. Defaults: 300 m on foot and by bike, 500 m by car. The distance between the site and the road is not counted as travel time.</source>
        <translation>Un site plus éloigné que cette distance de toute route praticable dans le mode est signalé comme non raccordé (par son nom, avec sa distance) au lieu de recevoir une zone de chalandise vide. Par défaut : 300 m à pied et à vélo, 500 m en voiture. La distance entre le site et la route n'est pas comptée dans le temps de parcours.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>A table (CSV, spreadsheet...) with one row per year: the year and its budget.</source>
        <translation>Une table (CSV, tableur...) avec une ligne par année : l'année et son budget.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>a table {table} already exists</source>
        <translation>une table {table} existe déjà</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>A team inventory in a PostGIS database: the sites, their outlines and the history of every change. Its tables are created on first use.</source>
        <translation>Un inventaire partagé dans une base PostGIS : les sites, leurs emprises et l'historique de chaque modification. Ses tables sont créées à la première utilisation.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <source>A time-out, a lost connection, HTTP 429 or 5xx is retried after 1 s, 2 s, 4 s... (or the delay the server asks for).</source>
        <translation>Un délai dépassé, une connexion perdue, un HTTP 429 ou 5xx est retenté après 1 s, 2 s, 4 s… (ou le délai demandé par le serveur).</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>a total budget</source>
        <translation>un budget total</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>A use is a candidate from this score on; the profile's threshold (60) when empty.</source>
        <translation>Un usage est candidat à partir de ce score ; si vide, le seuil du profil (60).</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>absurd price per m² (outside the plausible bounds)</source>
        <translation>prix au m² aberrant (hors des bornes plausibles)</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Access to networks</source>
        <translation>Desserte par les réseaux</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <location filename="../processing/transit_coverage.py"/>
        <source>accessibility</source>
        <translation>accessibilité</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../processing/land_prices.py"/>
        <location filename="../processing/site_costs.py"/>
        <source>acquisition</source>
        <translation>acquisition</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>acquisition above the total cost</source>
        <translation>acquisition supérieure au coût total</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>Acquisition, works, total and yearly revenue of each site for coworking, fablab and digital inclusion, from an editable cost table.</source>
        <translation>Acquisition, travaux, total et recette annuelle de chaque site pour le coworking, le fablab et la médiation numérique, d'après une table des coûts modifiable.</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Added around each site's bounding box.</source>
        <translation>Ajoutée autour du rectangle englobant de chaque site.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_merge.py"/>
        <source>Added to the inventory {path}: {items}</source>
        <translation>Ajouté à l'inventaire {path} : {items}</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Also write the clipped feed as a zip (it is in the GeoPackage's gtfs_feed table anyway).</source>
        <translation>Écrire aussi le flux découpé en zip (il est de toute façon dans la table gtfs_feed du GeoPackage).</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>An A4 follow-up report for the committee: indicators as charts, the sites whose status changed on a map, and who changed them.</source>
        <translation>Un rapport de suivi A4 pour le comité : les indicateurs en graphiques, les sites dont le statut a changé sur une carte, et qui les a modifiés.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>An edited copy of resources/costs/default.json; the shipped table (indicative values) when empty.</source>
        <translation>Une copie modifiée de resources/costs/default.json ; la table fournie (valeurs indicatives) si vide.</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>An edited copy of resources/costs/default.json; the shipped table when empty.</source>
        <translation>Une copie modifiée de resources/costs/default.json ; la table fournie si vide.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/score_candidates.py"/>
        <source>An edited copy of resources/profiles/default.json; the shipped profile when empty.</source>
        <translation>Une copie modifiée de resources/profiles/default.json ; si vide, le profil fourni avec l'extension.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>An edited copy of resources/zoning/compatibility_rules.csv; the shipped table when empty.</source>
        <translation>Une copie modifiée de resources/zoning/compatibility_rules.csv ; si vide, la table fournie avec l'extension.</translation>
    </message>
    <message>
        <location filename="../processing/base.py"/>
        <source>an empty CRS</source>
        <translation>un SCR vide</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>An estimate of each site's purchase price from the comparable sales of the geolocated DVF file, with its range, the sales used and its reliability.</source>
        <translation>Une estimation du prix d'achat de chaque site d'après les ventes comparables du fichier DVF géolocalisé, avec sa fourchette, les ventes utilisées et sa fiabilité.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>and {n} more</source>
        <translation>et {n} autre(s)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Answers are kept there and reused (empty: cache/friches_tierslieux in the QGIS profile).</source>
        <translation>Les réponses y sont gardées et réutilisées (vide : cache/friches_tierslieux dans le profil QGIS).</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <source>API Carto GPU address</source>
        <translation>Adresse de l'API Carto GPU</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>API Données foncières address</source>
        <translation>Adresse de l'API Données foncières</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>API Découpage administratif address</source>
        <translation>Adresse de l'API Découpage administratif</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <location filename="../ui/inventory_model.py"/>
        <source>Area (ha)</source>
        <translation>Surface (ha)</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Area covered by the grid; default: the sites' extent plus 1 km.</source>
        <translation>Zone couverte par la grille ; par défaut : l'emprise des sites plus 1 km.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Area of the comparable sales</source>
        <translation>Zone des ventes comparables</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Area served by existing places</source>
        <translation>Zone desservie par les lieux existants</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Area source</source>
        <translation>Source de la surface</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Areas already served (e.g. Catchment run on the existing tiers-lieux, same band); without it, the whole population counts as not served.</source>
        <translation>Zones déjà desservies (par ex. l'algorithme Zone de chalandise lancé sur les tiers-lieux existants, même tranche) ; sans elles, toute la population compte comme non desservie.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Around the site (radius, widened when too few sales)</source>
        <translation>Autour du site (rayon, élargi s'il y a trop peu de ventes)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>At most 5,000 (the service's limit).</source>
        <translation>Au plus 5 000 (limite du service).</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Atlas (PDF)</source>
        <translation>Atlas (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Atlas pages</source>
        <translation>Pages de l'atlas</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Atlas written: {path} ({n} pages).</source>
        <translation>Atlas écrit : {path} ({n} pages).</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>atlas,layout,PDF,print,sheet,fiche,map,report</source>
        <translation>atlas,mise en page,PDF,impression,fiche,carte,rapport</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Automatic (finer or coarser with the length of road reached)</source>
        <translation>Automatique (plus fin ou plus grossier selon la longueur de routes atteinte)</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Automatic: smooth buffers for a site reaching less than {smooth_walk} km of roads on foot ({smooth_bike} km by bike, never by car) where they do not crowd; otherwise a grid of 10 m cells with the width above, or, when the site reaches more than {walk} km of roads on foot ({bike} km by bike, {car} km by car), twice the width on 20 m cells, and so on up to {walk_max} m on foot, {bike_max} m by bike, {car_max} m by car (for a 50 m width): the time to draw follows the size of the map, not the length of road. Finest, smooth: the reached roads widened by the width above with round joins, whatever the reach (slow for long drives). Finest grid: 10 m cells and the width above whatever the reach; edges follow the grid and lie on average about 40 m from the roads for a 50 m width. Each keeps every point within its width of a road reached in time.</source>
        <translation>Automatique : des tampons lissés pour un site qui atteint moins de {smooth_walk} km de routes à pied ({smooth_bike} km à vélo, jamais en voiture) là où elles ne se serrent pas ; sinon une grille de 10 m avec la largeur ci-dessus, ou, quand le site atteint plus de {walk} km de routes à pied ({bike} km à vélo, {car} km en voiture), le double de la largeur sur une grille de 20 m, et ainsi de suite jusqu'à {walk_max} m à pied, {bike_max} m à vélo, {car_max} m en voiture (pour une largeur de 50 m) : le temps de dessin suit la taille de la carte, pas la longueur des routes. Le plus fin, lissé : les routes atteintes élargies de la largeur ci-dessus, avec des raccords arrondis, quelle que soit la zone atteinte (lent pour les longs trajets en voiture). Grille la plus fine : des cellules de 10 m et la largeur ci-dessus quelle que soit la zone atteinte ; les bords suivent la grille et passent en moyenne à environ 40 m des routes pour une largeur de 50 m. Chacun garde chaque point à moins de sa largeur d'une route atteinte dans le temps.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Back to the weights the layer was scored with</source>
        <translation>Revenir aux pondérations avec lesquelles la couche a été notée</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Background layers of the main map</source>
        <translation>Couches de fond de la carte principale</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>Background layers of the map</source>
        <translation>Couches de fond de la carte</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Band used: {minutes} min.</source>
        <translation>Tranche utilisée : {minutes} min.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Between two sites with the same gain, the higher value wins (e.g. score_mediation).</source>
        <translation>Entre deux sites au même gain, la valeur la plus élevée l'emporte (par ex. score_mediation).</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <location filename="../processing/score_candidates.py"/>
        <source>Bike</source>
        <translation>Vélo</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Both, weighted</source>
        <translation>Les deux, pondérés</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>BPE, France Services, libraries...: those in the area.</source>
        <translation>BPE, France Services, médiathèques… : ceux de la zone.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>budget</source>
        <translation>budget</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Budget field of the budgets</source>
        <translation>Champ du budget (table des budgets)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Budget per year (€)</source>
        <translation>Budget par an (€)</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>Budget rows outside the horizon are ignored: {years}.</source>
        <translation>Les lignes de budget hors de l'horizon sont ignorées : {years}.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Buffer around the territory (m)</source>
        <translation>Zone tampon autour du territoire (m)</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>building pollution unknown: no asbestos or lead removal costed</source>
        <translation>pollution du bâti inconnue : ni désamiantage ni déplombage chiffrés</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>building state unknown: costed as uneven decay</source>
        <translation>état du bâti inconnu : chiffré comme une dégradation hétérogène</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>Building the graph…</source>
        <translation>Construction du graphe…</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Buildings</source>
        <translation>Bâti</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>by bike</source>
        <translation>à vélo</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>by car</source>
        <translation>en voiture</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>cache</source>
        <translation>cache</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Cache folder</source>
        <translation>Dossier du cache</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Calendar years or quarters (local time).</source>
        <translation>Années ou trimestres civils (heure locale).</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Canceled during step {k}/{n} ({step}): the steps before it are complete in the GeoPackage, nothing of this one was written.</source>
        <translation>Annulé pendant l'étape {k}/{n} ({step}) : les étapes précédentes sont complètes dans le GeoPackage, rien de celle-ci n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../processing/base.py"/>
        <location filename="../processing/history_io.py"/>
        <location filename="../processing/monitoring_io.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <location filename="../processing/programme_io.py"/>
        <location filename="../processing/territory_online.py"/>
        <location filename="../processing/web_request.py"/>
        <source>Canceled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>Canceled: the output '{output}' was not written.</source>
        <translation>Annulé : la sortie « {output} » n'a pas été écrite.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <location filename="../processing/transit_coverage.py"/>
        <location filename="../processing/transit_service.py"/>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <location filename="../ui/candidates_model.py"/>
        <source>Candidate</source>
        <translation>Candidat</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Candidate identifier field</source>
        <translation>Champ identifiant du candidat</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>Candidate sites</source>
        <translation>Sites candidats</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Candidate threshold (score)</source>
        <translation>Seuil de candidature (score)</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>Candidate: not excluded, score at least the threshold, enough data</source>
        <translation>Candidat : non exclu, score au moins égal au seuil, données suffisantes</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/score_candidates.py"/>
        <location filename="../processing/select_sites.py"/>
        <location filename="../ui/candidates_dock.py"/>
        <source>Candidates</source>
        <translation>Candidats</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>candidates</source>
        <translation>candidats</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Candidates only</source>
        <translation>Candidats uniquement</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Candidates with new coverage</source>
        <translation>Candidats avec leur nouvelle couverture</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Candidates: {c} coworking, {f} fablab, {m} digital inclusion.</source>
        <translation>Candidats : {c} coworking, {f} fablab, {m} médiation numérique.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Cannot create the temporary layer {name}.</source>
        <translation>Impossible de créer la couche temporaire {name}.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Cannot load the layout template {path}.</source>
        <translation>Impossible de charger le modèle de mise en page {path}.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Cannot write {path}: check the folder and that the file is not open in another program.</source>
        <translation>Impossible d'écrire {path} : vérifiez le dossier et que le fichier n'est pas ouvert dans un autre programme.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Cannot write {path}: {error}</source>
        <translation>Impossible d'écrire {path} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Car</source>
        <translation>Voiture</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>car catchment</source>
        <translation>zone de chalandise en voiture</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>car speed from the speed field on {field} lines, from the road class on {table}</source>
        <translation>vitesse voiture issue du champ de vitesse sur {field} lignes, de la classe de la route sur {table}</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <location filename="../processing/zoning_overlay.py"/>
        <source>carte communale</source>
        <translation>carte communale</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>carte communale sectors (TYPESECT)</source>
        <translation>secteurs de carte communale (TYPESECT)</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <location filename="../processing/coverage_gaps.py"/>
        <location filename="../processing/full_analysis.py"/>
        <source>Catchment</source>
        <translation>Zone de chalandise</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>catchment</source>
        <translation>zone de chalandise</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Catchment (isochrones and population)</source>
        <translation>Zone de chalandise (isochrones et population)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Catchment bands</source>
        <translation>Tranches de zone de chalandise</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Catchment bands; the longest is used for the coverage gaps and the selection.</source>
        <translation>Tranches des zones de chalandise ; la plus longue sert aux zones non couvertes et à la sélection.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Catchment by car (sites with population)</source>
        <translation>Zone de chalandise en voiture (sites avec population)</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Catchment on foot or by bike (sites with population)</source>
        <translation>Zone de chalandise à pied ou à vélo (sites avec population)</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Catchments</source>
        <translation>Zones de chalandise</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Catchments of the candidates</source>
        <translation>Zones de chalandise des candidats</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Catchments of the candidates…</source>
        <translation>Zones de chalandise des candidats…</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Catchments of the existing places</source>
        <translation>Zones de chalandise des lieux existants</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Catchments of the sites</source>
        <translation>Zones de chalandise des sites</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>Catchments of {minutes} min are used.</source>
        <translation>Les zones de chalandise de {minutes} min sont utilisées.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>catchments without population; coverage gaps and selection skipped.</source>
        <translation>zones de chalandise sans population ; zones non couvertes et sélection ignorées.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>Cells rebuilt from idcar_200m (ETRS89-LAEA).</source>
        <translation>Carreaux reconstruits à partir de idcar_200m (ETRS89-LAEA).</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>chain,workflow,one click,analysis,atlas,inventory,catchment,PTAL,zoning,score</source>
        <translation>chaîne,enchaînement,en un clic,analyse,atlas,inventaire,zone de chalandise,PTAL,zonage,score</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Changes kept in the layer's edit buffer: save the layer's edits to write them.</source>
        <translation>Modifications conservées dans le tampon d'édition de la couche : enregistrez les modifications de la couche pour les écrire.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Chart of the programme (PNG)</source>
        <translation>Graphique du programme (PNG)</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Choose a layer written by “Score candidate sites” (Processing, group Candidates).</source>
        <translation>Choisissez une couche écrite par « Noter les sites candidats » (Traitements, groupe Candidats).</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Choose at least one kind of transfer to keep.</source>
        <translation>Choisissez au moins une nature de mutation à garder.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Choose at least one layer to download.</source>
        <translation>Choisissez au moins une couche à télécharger.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Choose K sites, or as many as needed to reach a population target, that together reach the most people no existing place reaches.</source>
        <translation>Choisit K sites, ou autant qu'il en faut pour atteindre une population cible, qui ensemble atteignent le plus d'habitants qu'aucun lieu existant n'atteint.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Choose one online source of roads: the IGN WFS or Overpass, not both.</source>
        <translation>Choisissez une seule source de routes en ligne : le WFS de l'IGN ou Overpass, pas les deux.</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>Choose the objective field.</source>
        <translation>Choisissez le champ de l'objectif.</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Choose the point layer of a friches inventory, or open an inventory GeoPackage with the folder button.</source>
        <translation>Choisissez la couche de points d'un inventaire de friches, ou ouvrez un GeoPackage d'inventaire avec le bouton dossier.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Choosing and ordering the sites…</source>
        <translation>Choix et tri des sites…</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Click “Reload the site” to see the other change; your changes to the fields the other author did not touch are kept.</source>
        <translation>Cliquez sur « Recharger le site » pour voir l'autre modification ; vos modifications des champs que l'autre auteur n'a pas touchés sont gardées.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Clipped GTFS feed (zip)</source>
        <translation>Flux GTFS découpé (zip)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>CNIG prescription_surf / _lin / _pct layers.</source>
        <translation>Couches CNIG prescription_surf / _lin / _pct.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>CNIG zone_urba polygons (or secteur_cc): dominant zone and compatibility of each use.</source>
        <translation>Polygones zone_urba CNIG (ou secteur_cc) : zone dominante et compatibilité de chaque usage.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Codes need outlines: give a communes layer (ADMIN EXPRESS) or tick the online source API Découpage administratif.</source>
        <translation>Des codes demandent des contours : fournissez une couche de communes (ADMIN EXPRESS) ou cochez la source en ligne API Découpage administratif.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>column {table}.{field} is missing</source>
        <translation>la colonne {table}.{field} manque</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>column {table}.{field} is {found}, the inventory needs {expected}</source>
        <translation>la colonne {table}.{field} est de type {found}, l'inventaire demande {expected}</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>comm_insee was empty: taken from site_id ('{new}')</source>
        <translation>comm_insee était vide : repris de site_id (« {new} »)</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>comm_insee: '{value}' is not a 5-character INSEE code</source>
        <translation>comm_insee : « {value} » n'est pas un code INSEE de 5 caractères</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Commune field (INSEE code)</source>
        <translation>Champ de la commune (code INSEE)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Commune {insee} {name}: extent {bbox}.</source>
        <translation>Commune {insee} {name} : emprise {bbox}.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Communes layer to find the codes in</source>
        <translation>Couche de communes où chercher les codes</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Communes or the study area: the extent and outline of the locator map.</source>
        <translation>Communes ou périmètre d'étude : l'emprise et le contour de la carte de situation.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Comparable sales (DVF)</source>
        <translation>Ventes comparables (DVF)</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Comparable sales in the file</source>
        <translation>Ventes comparables du fichier</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>Comparable sales: {premises} of premises, {land} of land.</source>
        <translation>Ventes comparables : {premises} de locaux, {land} de terrains.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>comparables</source>
        <translation>références</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Compatibility rules (CSV)</source>
        <translation>Règles de compatibilité (CSV)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>compatible</source>
        <translation>compatible</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Computed at import</source>
        <translation>Champs calculés à l'import</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>conditional</source>
        <translation>sous conditions</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>connected ({distance} m from the road)</source>
        <translation>raccordé (à {distance} m de la route)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>converted</source>
        <translation>reconvertie</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>Coordinates '{value}' are not numbers</source>
        <translation>Les coordonnées « {value} » ne sont pas des nombres</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>coordinates swapped</source>
        <translation>coordonnées inversées</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Copied into the catchments as site_id; the feature id when the field is missing.</source>
        <translation>Recopié dans les zones de chalandise comme site_id ; à défaut de champ, l'identifiant de l'entité.</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>Cost lines</source>
        <translation>Lignes de coût</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../processing/site_costs.py"/>
        <source>Cost table (JSON)</source>
        <translation>Table des coûts (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>costs</source>
        <translation>coûts</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../processing/land_prices.py"/>
        <location filename="../processing/site_costs.py"/>
        <source>Costs and programme</source>
        <translation>Coûts et programme</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>Costs of converting the sites (per use)</source>
        <translation>Coûts de reconversion des sites (par usage)</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>Could not connect to the database of the inventory {where}: {error}</source>
        <translation>Impossible de se connecter à la base de l'inventaire {where} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Could not copy the features of {layer} for the maps: {error}</source>
        <translation>Impossible de copier les entités de {layer} pour les cartes : {error}</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>Could not create the GeoPackage {path}.</source>
        <translation>Impossible de créer le GeoPackage {path}.</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>Could not name the table {table} in {path}.</source>
        <translation>Impossible de nommer la table {table} dans {path}.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>Could not open or create the inventory {where}: {error}</source>
        <translation>Impossible d'ouvrir ou de créer l'inventaire {where} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>Could not open {path} to complete the table {table}.</source>
        <translation>Impossible d'ouvrir {path} pour terminer la table {table}.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_input.py"/>
        <source>Could not re-open {source} with the encoding {encoding}.</source>
        <translation>Impossible de rouvrir {source} avec l'encodage {encoding}.</translation>
    </message>
    <message>
        <location filename="../processing/web_request.py"/>
        <source>Could not reach the service {service} at {url}: {detail}. Check the network connection and the proxy settings of QGIS (Settings &gt; Options &gt; Network).</source>
        <translation>Impossible de joindre le service {service} à {url} : {detail}. Vérifiez la connexion réseau et les réglages de proxy de QGIS (Préférences &gt; Options &gt; Réseau).</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>Could not read the layer given as {param}: {error}</source>
        <translation>Impossible de lire la couche fournie pour {param} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>Could not replace {path} ({error}): it may be open in QGIS or another program. Close it (or remove its layers from the project) and run again.</source>
        <translation>Impossible de remplacer {path} ({error}) : il est peut-être ouvert dans QGIS ou un autre programme. Fermez-le (ou retirez ses couches du projet) et relancez.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Could not write a feature of {layer} in {path}: {error}</source>
        <translation>Impossible d'écrire une entité de {layer} dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>Could not write the inventory {where}: nothing was saved ({error}).</source>
        <translation>Impossible d'écrire l'inventaire {where} : rien n'a été enregistré ({error}).</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Could not write the layer {layer} in {path}: {error}</source>
        <translation>Impossible d'écrire la couche {layer} dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>Could not write the report {path}: {error}</source>
        <translation>Impossible d'écrire le rapport {path} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>Could not write {what} into the output '{output}': {error}</source>
        <translation>Impossible d'écrire {what} dans la sortie « {output} » : {error}</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Count of people per polygon ('ind' in INSEE Filosofi).</source>
        <translation>Nombre d'habitants par polygone ('ind' dans INSEE Filosofi).</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Count the platforms of a station as one stop.</source>
        <translation>Compter les quais d'une station comme un seul arrêt.</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Counting the population…</source>
        <translation>Comptage de la population…</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Counts the departures of every stop of a GTFS feed in a time window of a day.</source>
        <translation>Compte les départs de chaque arrêt d'un flux GTFS dans une plage horaire d'une journée.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>coverage</source>
        <translation>desserte</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <location filename="../processing/full_analysis.py"/>
        <source>Coverage gaps</source>
        <translation>Zones non couvertes</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>coverage gaps</source>
        <translation>zones non couvertes</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Coverage gaps (candidates with new coverage)</source>
        <translation>Zones non couvertes (candidats avec nouvelle couverture)</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Coverage gaps (population out of reach)</source>
        <translation>Zones non couvertes (population hors de portée)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>coverage gaps around the existing tiers-lieux</source>
        <translation>zones non couvertes autour des tiers-lieux existants</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>coverage gaps skipped.</source>
        <translation>zones non couvertes ignorées.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>coverage,gaps,accessibility,tiers-lieux,France Services,population,catchment</source>
        <translation>couverture,zones non couvertes,accessibilité,tiers-lieux,France Services,population,zone de chalandise</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Covered area</source>
        <translation>Zone couverte</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>Coworking</source>
        <translation>Coworking</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Coworking candidates</source>
        <translation>Candidats coworking</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Coworking spaces, fablabs, mediation places: those in the area.</source>
        <translation>Espaces de coworking, fablabs, lieux de médiation : ceux de la zone.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_merge.py"/>
        <source>Created in {path}: {layers}</source>
        <translation>Créé dans {path} : {layers}</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Created or updated: one layer per type and the _cache table.</source>
        <translation>Créé ou mis à jour : une couche par type et la table _cache.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>CRS of geompoint / geomsurf / x, y columns (and of a layer without CRS). When not set: EPSG:4326 if the coordinates look like degrees, else EPSG:2154.</source>
        <translation>SCR des colonnes geompoint / geomsurf / x, y (et d'une couche sans SCR). S'il n'est pas renseigné : EPSG:4326 si les coordonnées ressemblent à des degrés, sinon EPSG:2154.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>CRS of the outputs; it must be projected (surfaces in m²). Lambert-93 (EPSG:2154) in metropolitan France (the default, also when not set); EPSG:5490 Antilles, 2972 Guyane, 2975 Réunion, 4471 Mayotte.</source>
        <translation>SCR des sorties ; il doit être projeté (surfaces en m²). Lambert-93 (EPSG:2154) en métropole (par défaut, y compris s'il n'est pas renseigné) ; EPSG:5490 Antilles, 2972 Guyane, 2975 Réunion, 4471 Mayotte.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>CRS of WKT / coordinate columns</source>
        <translation>SCR des colonnes WKT / de coordonnées</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <location filename="../ui/candidates_model.py"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Data used: {sources}.</source>
        <translation>Données utilisées : {sources}.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>Date (and time)</source>
        <translation>Date (et heure)</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Date (YYYY-MM-DD)</source>
        <translation>Date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <location filename="../processing/transit_service.py"/>
        <source>Date analysed</source>
        <translation>Date analysée</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Date analysed: {date} ({weekday}), a representative weekday of the feed (valid from {first} to {last}): {trips} trips, the most common number among the {n} weekdays examined ({like} weekdays have it).</source>
        <translation>Date analysée : {date} ({weekday}), un jour de semaine représentatif du flux (valable du {first} au {last}) : {trips} courses, le nombre le plus fréquent parmi les {n} jours de semaine examinés ({like} jours de semaine ont ce nombre).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Date analysed: {date} ({weekday}), {trips} trips run that day; the feed runs from {first} to {last}.</source>
        <translation>Date analysée : {date} ({weekday}), {trips} courses circulent ce jour-là ; le flux est valable du {first} au {last}.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Default 6 (a municipal term); with a budget table and no horizon, the table's years.</source>
        <translation>6 par défaut (un mandat municipal) ; avec une table des budgets et sans horizon, les années de la table.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Default: the first year of the budget table, else next year.</source>
        <translation>Par défaut : la première année de la table des budgets, sinon l'année prochaine.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Departures</source>
        <translation>Départs</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>departures</source>
        <translation>départs</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>depollution</source>
        <translation>dépollution</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Detect from the fields</source>
        <translation>Détecter d'après les champs</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../ui/candidates_model.py"/>
        <source>Digital inclusion</source>
        <translation>Médiation numérique</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <location filename="../processing/zoning_overlay.py"/>
        <source>digital inclusion</source>
        <translation>médiation numérique</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Digital inclusion candidates</source>
        <translation>Candidats médiation numérique</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Distances are measured in {crs} (the sites' CRS is not in metres).</source>
        <translation>Les distances sont mesurées en {crs} (le SCR des sites n'est pas en mètres).</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Distances measured in {crs}.</source>
        <translation>Distances mesurées en {crs}.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>download</source>
        <translation>téléchargement</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Download again (ignore the cache)</source>
        <translation>Télécharger à nouveau (ignorer le cache)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Download PLU zoning from the Géoportail de l'urbanisme (API Carto)</source>
        <translation>Télécharger le zonage des PLU depuis le Géoportail de l'Urbanisme (API Carto)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Downloads around these sites (ignored when an INSEE code is given).</source>
        <translation>Télécharge autour de ces sites (ignoré si un code INSEE est indiqué).</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Downloads zone_urba, secteur_cc, prescriptions and informations of the GPU into a GeoPackage, for the sites' extent or a commune.</source>
        <translation>Télécharge les couches zone_urba, secteur_cc, prescriptions et informations du GPU dans un GeoPackage, sur l'emprise des sites ou d'une commune.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Drawn in the atlas' locator map.</source>
        <translation>Dessiné dans la carte de situation de l'atlas.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Drawn under everything else (roads, rivers, railway...), with their own style, or the plugin's style of the same name for a layer read from a file.</source>
        <translation>Dessinées sous tout le reste (routes, cours d'eau, voies ferrées...), avec leur propre style, ou le style de l'extension du même nom pour une couche lue depuis un fichier.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>Drawn under the sites (municipalities, roads, rivers…), with their own style, or the plugin's style of the same name for a layer read from a file.</source>
        <translation>Dessinées sous les sites (communes, routes, cours d'eau…), avec leur propre style, ou le style de l'extension du même nom pour une couche lue dans un fichier.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>DVF file (geolocated, CSV)</source>
        <translation>Fichier DVF (géolocalisé, CSV)</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>DVF files (*.csv *.csv.gz *.gz *.zip *.txt);;All files (*.*)</source>
        <translation>Fichiers DVF (*.csv *.csv.gz *.gz *.zip *.txt);;Tous les fichiers (*.*)</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>DVF report (lines and sales left out)</source>
        <translation>Rapport DVF (lignes et ventes écartées)</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>E.g. candidate_mediation: only the candidates for that use are considered.</source>
        <translation>Par ex. candidate_mediation : seuls les candidats à cet usage sont pris en compte.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>E.g. the covered area of Coverage gaps: people inside count as already served.</source>
        <translation>Par exemple la zone couverte de Zones non couvertes : les habitants qui y vivent sont déjà desservis.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>E.g. the territory and the study: « Ingeville — friches et tiers-lieux ».</source>
        <translation>Par ex. le territoire et l'étude : « Ingeville — friches et tiers-lieux ».</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>E.g. the territory: « Ingeville — suivi des friches ». Empty: a standard title.</source>
        <translation>Par ex. le territoire : « Ingeville — suivi des friches ». Vide : un titre standard.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Each site's own total cost: replaces the cost table.</source>
        <translation>Le coût total propre à chaque site : remplace la table des coûts.</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Edit friche {site_id}</source>
        <translation>Modifier la friche {site_id}</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Edit friche – {name}</source>
        <translation>Modifier la friche – {name}</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Edit the attributes of the selected friche (or double-click a row)</source>
        <translation>Modifier les attributs de la friche sélectionnée (ou double-cliquer sur une ligne)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Empty: a representative weekday of the feed.</source>
        <translation>Vide : un jour de semaine représentatif du flux.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Empty: by rank when the field exists, otherwise by best score, highest first.</source>
        <translation>Vide : par rang si le champ existe, sinon par meilleur score, du plus élevé au plus faible.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Empty: every site. E.g. "comm_insee" = '45999' for one commune.</source>
        <translation>Vide : tous les sites. Par ex. "comm_insee" = '45999' pour une seule commune.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Empty: the plugin's Fiche friche template in the chosen language.</source>
        <translation>Vide : le modèle Fiche friche de l'extension dans la langue choisie.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Encoding of a shapefile without .cpg or of a CSV, e.g. windows-1252, ISO-8859-1, UTF-8. When empty, a file whose bytes are not UTF-8 is read as windows-1252.</source>
        <translation>Encodage d'un shapefile sans .cpg ou d'un CSV, par ex. windows-1252, ISO-8859-1, UTF-8. S'il est vide, un fichier dont les octets ne sont pas de l'UTF-8 est lu en windows-1252.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Encoding of the input file</source>
        <translation>Encodage du fichier en entrée</translation>
    </message>
    <message>
        <location filename="../processing/inventory_input.py"/>
        <source>encoding {encoding}</source>
        <translation>encodage {encoding}</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>End of the time window, excluded (HH:MM or HH:MM:SS; may exceed 24:00, e.g. 25:00 for 1 a.m. the next morning).</source>
        <translation>Fin de la plage horaire, exclue (HH:MM ou HH:MM:SS ; peut dépasser 24:00, par ex. 25:00 pour 1 h du matin le lendemain).</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>End of the window of the ÖV-Güteklassen intervals (ARE: 20:00).</source>
        <translation>Fin de la période de calcul des intervalles ÖV-Güteklassen (ARE : 20:00).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>End time (HH:MM)</source>
        <translation>Heure de fin (HH:MM)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Every layer is cut to the territory grown by this width, so that catchments of sites near the edge find their roads and inhabitants.</source>
        <translation>Chaque couche est découpée au territoire élargi de cette largeur, pour que les zones de chalandise des sites proches du bord trouvent leurs routes et leurs habitants.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Every step's output as a table; tables of the same name are replaced.</source>
        <translation>La sortie de chaque étape sous forme de table ; les tables du même nom sont remplacées.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Exchanges and expropriations have no market price; sales off-plan are new buildings.</source>
        <translation>Les échanges et expropriations n'ont pas de prix de marché ; les ventes en l'état futur d'achèvement sont des bâtiments neufs.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Excluded sites (identifiers)</source>
        <translation>Sites écartés (identifiants)</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Existing places</source>
        <translation>Lieux existants</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Existing third places: coverage gaps, distance to the nearest place of the same kind, selection.</source>
        <translation>Tiers-lieux existants : zones non couvertes, distance au lieu le plus proche du même type, sélection.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Existing third places: the distance to the nearest one of the same kind favours sites that complete the network.</source>
        <translation>Tiers-lieux existants : la distance au plus proche du même type favorise les sites qui complètent le maillage.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <location filename="../processing/score_candidates.py"/>
        <source>Existing tiers-lieux</source>
        <translation>Tiers-lieux existants</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Existing tiers-lieux (with an opening date)</source>
        <translation>Tiers-lieux existants (avec une date d'ouverture)</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>Explanation</source>
        <translation>Explication</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Export atlas</source>
        <translation>Export de l'atlas</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Export canceled.</source>
        <translation>Export annulé.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Export the ranking</source>
        <translation>Exporter le classement</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Export the ranking shown (this use, these weights) to a CSV file</source>
        <translation>Exporter le classement affiché (cet usage, ces pondérations) dans un fichier CSV</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Export the ranking shown and the weights to a spreadsheet (XLSX)</source>
        <translation>Exporter le classement affiché et les pondérations dans un classeur (XLSX)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Export the site sheets atlas (PDF)</source>
        <translation>Exporter l'atlas des fiches sites (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Exporting one PNG per page into {folder}…</source>
        <translation>Export d'un PNG par page dans {folder}…</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Exporting {n} pages to {path}…</source>
        <translation>Export de {n} pages vers {path}…</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Extent {bbox} (WGS 84) in {n} tile(s).</source>
        <translation>Emprise {bbox} (WGS 84) en {n} tuile(s).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Extra pairs cnig_field=source_field separated by ';', on top of the automatic matching, e.g. site_nom=NOM;site_type=TYPE. Also geompoint=..., geomsurf=... for WKT columns of another name and x=..., y=... for coordinate columns.</source>
        <translation>Paires cnig_field=source_field séparées par « ; », en plus de la reconnaissance automatique, par ex. site_nom=NOM;site_type=TYPE. Aussi geompoint=..., geomsurf=... pour des colonnes WKT d'un autre nom et x=..., y=... pour les colonnes de coordonnées.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>Fablab</source>
        <translation>Fablab</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Fablab candidates</source>
        <translation>Candidats fablab</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Features downloaded</source>
        <translation>Entités téléchargées</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Features per request</source>
        <translation>Entités par requête</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Feeds covering the territory at département, region or national level are listed in the log but not downloaded (they often repeat the local networks); give their ids here to take them.</source>
        <translation>Les flux couvrant le territoire à l'échelle du département, de la région ou de la France sont cités dans le journal mais pas téléchargés (ils reprennent souvent les réseaux locaux) ; indiquez ici leurs identifiants pour les prendre.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Field mapping</source>
        <translation>Correspondance des champs</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>Field mapping: '{entry}' is not of the form cnig_field=source_field</source>
        <translation>Correspondance des champs : « {entry} » n'est pas de la forme cnig_field=source_field</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>Field mapping: '{target}' is mapped twice</source>
        <translation>Correspondance des champs : « {target} » est indiqué deux fois</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>Field mapping: '{target}' is not a field of the CNIG friches standard (nor x / y)</source>
        <translation>Correspondance des champs : « {target} » n'est pas un champ du standard CNIG Friches (ni x / y)</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>Field mapping: the input has no field '{source}' (mapped to {target})</source>
        <translation>Correspondance des champs : l'entrée n'a pas de champ « {source} » (associé à {target})</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Field of the SCOT layer holding its name (any case); when missing, nom, name, libelle or IDURBA.</source>
        <translation>Champ de la couche SCoT contenant son nom (casse indifférente) ; s'il manque, nom, name, libelle ou IDURBA.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Fields matched by alias or mapping: {pairs}</source>
        <translation>Champs reconnus par alias ou correspondance : {pairs}</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Fields you both changed now show the other author's value: {fields}.</source>
        <translation>Les champs que vous avez tous deux modifiés montrent maintenant la valeur de l'autre auteur : {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Fill a hole of a polygon only when every point of it lies within 50 m of a reached road (width minus the buffer), so city blocks count but parks, fields and rivers do not.</source>
        <translation>Ne combler un trou d'un polygone que si chacun de ses points est à moins de 50 m d'une route atteinte (largeur moins le tampon), de sorte que les îlots urbains comptent, mais pas les parcs, les champs ni les rivières.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Fill small holes (blocks surrounded by reached roads)</source>
        <translation>Combler les petits trous (îlots entourés de routes atteintes)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Finding the gaps…</source>
        <translation>Recherche des zones non couvertes…</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Finest grid (10 m cells)</source>
        <translation>Grille la plus fine (cellules de 10 m)</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Finest, smooth (buffers around the roads)</source>
        <translation>Le plus fin, lissé (tampons autour des routes)</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>First radius (m)</source>
        <translation>Premier rayon (m)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>First year</source>
        <translation>Première année</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Floor area field (m²)</source>
        <translation>Champ de la surface de plancher (m²)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Folder for one PNG per page</source>
        <translation>Dossier pour un PNG par page</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_indicators.py"/>
        <source>Follow-up indicators of the inventory</source>
        <translation>Indicateurs de suivi de l'inventaire</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>Follow-up report of the inventory (PDF)</source>
        <translation>Rapport de suivi de l'inventaire (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>For a network in the generic schema: each line's speed; lines without a value take the mode's default.</source>
        <translation>Pour un réseau au schéma générique : la vitesse de chaque ligne ; les lignes sans valeur prennent la vitesse par défaut du mode.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>For the {layer}, give a file or tick its online source, not both.</source>
        <translation>Pour les {layer}, fournissez un fichier ou cochez la source en ligne, pas les deux.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>France Services, libraries, town halls, schools...: counted near each site by the scoring.</source>
        <translation>France Services, bibliothèques, mairies, écoles... : comptés autour de chaque site par la notation.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>French or English template; the QGIS language picks French for fr, English otherwise.</source>
        <translation>Modèle en français ou en anglais ; la langue de QGIS choisit le français pour fr, l'anglais sinon.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>frequency</source>
        <translation>fréquence</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <source>friches</source>
        <translation>friches</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <location filename="../processing/provider.py"/>
        <source>Friches &amp; Tiers-Lieux</source>
        <translation>Friches &amp; Tiers-Lieux</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Friches &amp; Tiers-Lieux algorithms</source>
        <translation>Algorithmes Friches &amp; Tiers-Lieux</translation>
    </message>
    <message>
        <location filename="../processing/base.py"/>
        <source>Friches &amp; Tiers-Lieux needs Python packages that are missing: {missing}. Install them with: {command}</source>
        <translation>Friches &amp; Tiers-Lieux a besoin de paquets Python manquants : {missing}. Installez-les avec : {command}</translation>
    </message>
    <message>
        <location filename="../processing/provider.py"/>
        <source>Friches &amp; Tiers-Lieux: friches inventory and tiers-lieux siting</source>
        <translation>Friches &amp; Tiers-Lieux : inventaire des friches et implantation de tiers-lieux</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Friches (Cartofriches or CNIG file)</source>
        <translation>Friches (fichier Cartofriches ou CNIG)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Friches imported</source>
        <translation>Friches importées</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../ui/inventory_dock.py"/>
        <source>Friches inventory</source>
        <translation>Inventaire des friches</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Friches inventory to import</source>
        <translation>Inventaire de friches à importer</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Friches: Cerema API Données foncières (Cartofriches)</source>
        <translation>Friches : API Données foncières du Cerema (Cartofriches)</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Friday</source>
        <translation>vendredi</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>From (date)</source>
        <translation>Du (date)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Full analysis done: {gpkg}{pdf}.</source>
        <translation>Analyse complète terminée : {gpkg}{pdf}.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Full analysis needs a road network: give one there.</source>
        <translation>L'analyse complète a besoin d'un réseau routier : fournissez-en un ici.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Full analysis needs the friches: give them there.</source>
        <translation>L'analyse complète a besoin des friches : fournissez-les ici.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Full analysis: from the inventory to the atlas</source>
        <translation>Analyse complète : de l'inventaire à l'atlas</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Gains at each step</source>
        <translation>Gains à chaque étape</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Gap (%)</source>
        <translation>Écart (%)</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>GDAL cannot open {path} as a vector file.</source>
        <translation>GDAL ne peut pas ouvrir {path} comme fichier vecteur.</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>GDAL, feature by feature</source>
        <translation>GDAL, entité par entité</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>GDAL, in columns</source>
        <translation>GDAL, par colonnes</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>generic</source>
        <translation>générique</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Generic (every line, both ways, one speed)</source>
        <translation>Générique (toutes les lignes, dans les deux sens, une seule vitesse)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Geometries repaired</source>
        <translation>Géométries réparées</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/load_gpu.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <location filename="../ui/inventory_opening.py"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../processing/history_io.py"/>
        <location filename="../processing/import_inventory.py"/>
        <source>GeoPackage (*.gpkg);;All files (*)</source>
        <translation>GeoPackage (*.gpkg);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>GeoPackage (cache)</source>
        <translation>GeoPackage (cache)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Give a budget per year or a table of budgets by year.</source>
        <translation>Indiquez un budget par an ou une table des budgets par année.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Give an INSEE code, a sites layer or an extent to download the GPU layers for.</source>
        <translation>Indiquez un code INSEE, une couche de sites ou une emprise pour laquelle télécharger les couches du GPU.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Give either a budget per year or a table of budgets, not both.</source>
        <translation>Indiquez soit un budget par an, soit une table des budgets, pas les deux.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Give the first date of the follow-up (From).</source>
        <translation>Indiquez la première date du suivi (Du).</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Give the friches inventory and the road network, or a prepared territory (GeoPackage) holding them.</source>
        <translation>Fournissez l'inventaire des friches et le réseau routier, ou un territoire préparé (GeoPackage) qui les contient.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Give the territory: INSEE codes or an EPCI SIREN code, or a polygon layer.</source>
        <translation>Indiquez le territoire : codes INSEE ou code SIREN d'un EPCI, ou une couche de polygones.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Grid cell size (m)</source>
        <translation>Taille des carreaux de la grille (m)</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Grid cells</source>
        <translation>Carreaux de la grille</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Grid cells kept</source>
        <translation>Carreaux gardés</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Grid cells with ptal_ai, ptal, oev_class and dep_500m_h, in PTAL colours.</source>
        <translation>Carreaux de la grille avec ptal_ai, ptal, oev_class et dep_500m_h, aux couleurs PTAL.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Grid extent</source>
        <translation>Emprise de la grille</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Grid: {nx} × {ny} cells of {cell} m.</source>
        <translation>Grille : {nx} × {ny} carreaux de {cell} m.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <location filename="../processing/transit_service.py"/>
        <source>Group platforms under their parent station</source>
        <translation>Regrouper les quais sous leur station parente</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>GTFS feed</source>
        <translation>Flux GTFS</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/transit_service.py"/>
        <source>GTFS feed (zip)</source>
        <translation>Flux GTFS (zip)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>GTFS feeds (zip)</source>
        <translation>Flux GTFS (zip)</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>GTFS file {file}</source>
        <translation>Fichier GTFS {file}</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>GTFS file {file}, row {row} (line {line})</source>
        <translation>Fichier GTFS {file}, ligne de données {row} (ligne {line} du fichier)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>GTFS trips kept</source>
        <translation>Courses GTFS gardées</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>GTFS zip (*.zip)</source>
        <translation>Zip GTFS (*.zip)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>GTFS: feeds listed by transport.data.gouv.fr</source>
        <translation>GTFS : flux recensés par transport.data.gouv.fr</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Géoplateforme WFS address</source>
        <translation>Adresse du WFS de la Géoplateforme</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>headway</source>
        <translation>intervalle</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Hide the sites that are not candidates for this use</source>
        <translation>Masquer les sites qui ne sont pas candidats pour cet usage</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>High schools, universities, training centres (default: the matching services).</source>
        <translation>Lycées, universités, centres de formation (par défaut : les services correspondants).</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Highest plausible price of land (€/m²)</source>
        <translation>Prix plausible le plus haut d'un terrain (€/m²)</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Highest plausible price of premises (€/m² of floor)</source>
        <translation>Prix plausible le plus haut de locaux (€/m² de plancher)</translation>
    </message>
    <message>
        <location filename="../ui/site_saving.py"/>
        <source>History and version numbers added to the inventory {path}: every change is now recorded.</source>
        <translation>Historique et numéros de version ajoutés à l'inventaire {path} : chaque modification est désormais enregistrée.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>history,date,past,inventory,friches,monitoring,time</source>
        <translation>historique,date,passé,inventaire,friches,suivi,temps</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Horizon (years)</source>
        <translation>Horizon (années)</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>How to read the road attributes. Detection: a 'highway' field means OpenStreetMap (also read from GDAL's 'other_tags'), 'nature' with 'sens_de_circulation' or 'vitesse_moyenne_vl' means BD TOPO, otherwise generic.</source>
        <translation>Comment lire les attributs des routes. Détection : un champ 'highway' signifie OpenStreetMap (lu aussi dans le champ 'other_tags' de GDAL), 'nature' avec 'sens_de_circulation' ou 'vitesse_moyenne_vl' signifie BD TOPO, sinon générique.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>HTTP requests made</source>
        <translation>Requêtes HTTP effectuées</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>id generated</source>
        <translation>identifiant généré</translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Identifier {site_id} · fields marked * are required; the update date is set to today when you save</source>
        <translation>Identifiant {site_id} · les champs marqués * sont obligatoires ; la date de mise à jour prend la date du jour à l'enregistrement</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Identifiers separated by commas or semicolons: these sites are in the programme.</source>
        <translation>Identifiants séparés par des virgules ou des points-virgules : ces sites sont dans le programme.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>IGN ADMIN EXPRESS COMMUNE (fields INSEE_COM, SIREN_EPCI) or any communes layer: the outlines of the codes given, read with an attribute filter.</source>
        <translation>ADMIN EXPRESS COMMUNE de l'IGN (champs INSEE_COM, SIREN_EPCI) ou toute couche de communes : les contours des codes indiqués, lus avec un filtre attributaire.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>IGN BD TOPO (nature, sens_de_circulation, vitesse_moyenne_vl)</source>
        <translation>IGN BD TOPO (nature, sens_de_circulation, vitesse_moyenne_vl)</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <location filename="../processing/inventory_report.py"/>
        <source>ignored</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Import a friches inventory</source>
        <translation>Importer un inventaire de friches</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Import a friches inventory…</source>
        <translation>Importer un inventaire de friches…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Import and validate an inventory in the CNIG friches standard</source>
        <translation>Importer et valider un inventaire au standard CNIG Friches</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <location filename="../processing/inventory_merge.py"/>
        <source>Import cancelled.</source>
        <translation>Import annulé.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Import inventory</source>
        <translation>Import de l'inventaire</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Import notes</source>
        <translation>Notes d'import</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Import report</source>
        <translation>Rapport d'import</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Imported sites</source>
        <translation>Sites importés</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>Importing the friches failed: {error}</source>
        <translation>L'import des friches a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>impossible coordinates: the line counts as not located</source>
        <translation>coordonnées impossibles : la ligne compte comme non localisée</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>incompatible</source>
        <translation>incompatible</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_indicators.py"/>
        <source>Indicators per period</source>
        <translation>Indicateurs par période</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>info_lin: informations (lines)</source>
        <translation>info_lin : informations (linéaires)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>info_pct: informations (points)</source>
        <translation>info_pct : informations (ponctuelles)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>INFO_SURF / _LIN / _PCT layers (TYPEINF, STYPEINF; optional LIBELLE, TXT).</source>
        <translation>Couches INFO_SURF / _LIN / _PCT (TYPEINF, STYPEINF ; facultatifs : LIBELLE, TXT).</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>info_surf: informations (surfaces)</source>
        <translation>info_surf : informations (surfaciques)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>information(s)</source>
        <translation>information(s)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Informations (surfaces, lines, points)</source>
        <translation>Informations (surfaces, lignes, points)</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Input fields not used: {fields}</source>
        <translation>Champs de l'entrée non utilisés : {fields}</translation>
    </message>
    <message>
        <location filename="../processing/inventory_input.py"/>
        <source>Input read with the encoding {encoding}.</source>
        <translation>Entrée lue avec l'encodage {encoding}.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>INSEE code of a commune</source>
        <translation>Code INSEE d'une commune</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>INSEE codes of communes or arrondissements separated by commas (e.g. 13210, 13209), or the SIREN code of one EPCI (9 digits, e.g. 200054807). Outlines from the communes layer below, else from the API Découpage administratif (online source).</source>
        <translation>Codes INSEE de communes ou d'arrondissements séparés par des virgules (p. ex. 13210, 13209), ou le code SIREN d'un EPCI (9 chiffres, p. ex. 200054807). Contours pris dans la couche de communes ci-dessous, sinon dans l'API Découpage administratif (source en ligne).</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>INSEE Filosofi 200 m cells (or any polygons with a population): population reached, coverage gaps, selection.</source>
        <translation>Carreaux INSEE Filosofi à 200 m (ou tous polygones portant une population) : population atteinte, zones non couvertes, sélection.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Instead of codes: the territory's polygons (communes, a drawn perimeter). Takes precedence.</source>
        <translation>À la place des codes : les polygones du territoire (communes, périmètre dessiné). Prioritaire.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <location filename="../processing/inventory_at_date.py"/>
        <location filename="../processing/monitoring_indicators.py"/>
        <location filename="../processing/monitoring_report.py"/>
        <source>Inventory</source>
        <translation>Inventaire</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/import_inventory.py"/>
        <location filename="../processing/score_candidates.py"/>
        <source>inventory</source>
        <translation>inventaire</translation>
    </message>
    <message>
        <location filename="../processing/history_io.py"/>
        <source>Inventory (GeoPackage or PostGIS table)</source>
        <translation>Inventaire (GeoPackage ou table PostGIS)</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>Inventory at a date</source>
        <translation>Inventaire à une date</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Inventory CRS (projected)</source>
        <translation>SCR de l'inventaire (projeté)</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Inventory layer</source>
        <translation>Couche d'inventaire</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>inventory not changed</source>
        <translation>inventaire inchangé</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Inventory sites left unchanged</source>
        <translation>Sites de l'inventaire inchangés</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>inventory updated</source>
        <translation>inventaire mis à jour</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>Inventory updated: {fields}</source>
        <translation>Inventaire mis à jour : {fields}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Inventory {path}: {added} added, {updated} updated, {unchanged} unchanged (of which {kept} kept because the inventory's version is more recent).</source>
        <translation>Inventaire {path} : {added} ajouté(s), {updated} mis à jour, {unchanged} inchangé(s) (dont {kept} gardé(s) car la version de l'inventaire est plus récente).</translation>
    </message>
    <message>
        <location filename="../processing/history_io.py"/>
        <source>Inventory {where}: {sites} site(s) now, {rows} history row(s).</source>
        <translation>Inventaire {where} : {sites} site(s) aujourd'hui, {rows} ligne(s) d'historique.</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>isochrone,catchment,service area,walk,bike,car,population,network,access</source>
        <translation>isochrone,zone de chalandise,zone de desserte,marche,vélo,voiture,population,réseau,accès</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>its coordinates ({x}, {y}) are outside the area where {crs} is defined: check the CRS of the input (or the source CRS parameter)</source>
        <translation>ses coordonnées ({x}, {y}) sont hors de la zone où {crs} est défini : vérifiez le SCR de l'entrée (ou le paramètre SCR des colonnes)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Keep answers in the cache (days)</source>
        <translation>Garder les réponses en cache (jours)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Keeps the first pages in the order above.</source>
        <translation>Garde les premières pages dans l'ordre ci-dessus.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <location filename="../processing/inventory_report.py"/>
        <source>kept</source>
        <translation>conservé</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Key joining the analyses (any case); the feature id when missing.</source>
        <translation>Clé de jointure des analyses (casse indifférente) ; à défaut, l'identifiant de l'entité.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Kind field of the services</source>
        <translation>Champ type des services</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Kind field of the tiers-lieux</source>
        <translation>Champ type des tiers-lieux</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>kind of transfer not kept</source>
        <translation>nature de mutation non retenue</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Kind or label of each service; a BPE typequ field is read too when present.</source>
        <translation>Type ou libellé de chaque service ; un champ typequ de la BPE est aussi lu s'il existe.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Kinds of transfer kept</source>
        <translation>Natures de mutation retenues</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Land area field (m²)</source>
        <translation>Champ de la surface du terrain (m²)</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>land price</source>
        <translation>prix du foncier</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Land prices from property sales (DVF)</source>
        <translation>Prix du foncier d'après les ventes (DVF)</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Land unit</source>
        <translation>Unité foncière</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/monitoring_report.py"/>
        <source>Language of QGIS</source>
        <translation>Langue de QGIS</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Language of the documents</source>
        <translation>Langue des documents</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>Language of the report</source>
        <translation>Langue du rapport</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/full_analysis.py"/>
        <source>Language of the sheets</source>
        <translation>Langue des fiches</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Large extents are split into tiles of this size; only tiles holding sites are requested.</source>
        <translation>Les grandes emprises sont découpées en tuiles de cette taille ; seules les tuiles contenant des sites sont demandées.</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Largest area shown, in hectares (site_surface)</source>
        <translation>Surface maximale affichée, en hectares (site_surface)</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Largest distance from a site to the network (m, 0 = default of the mode)</source>
        <translation>Distance maximale entre un site et le réseau (m, 0 = valeur par défaut du mode)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/full_analysis.py"/>
        <source>Largest number of pages (0 = no limit)</source>
        <translation>Nombre maximal de pages (0 = sans limite)</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Largest radius (m)</source>
        <translation>Plus grand rayon (m)</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <location filename="../ui/inventory_dock.py"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Layer geometry read in {crs}.</source>
        <translation>Géométrie de la couche lue en {crs}.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>layer {name}</source>
        <translation>couche {name}</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Layers read from the cache</source>
        <translation>Couches lues dans le cache</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Layers written</source>
        <translation>Couches écrites</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Layout template not found: {path}</source>
        <translation>Modèle de mise en page introuvable : {path}</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Layout template of your own (.qpt)</source>
        <translation>Modèle de mise en page personnalisé (.qpt)</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Leave empty for the defaults: walk 4.8 km/h, bike 15 km/h, car from the road attributes.</source>
        <translation>Laisser vide pour les valeurs par défaut : marche 4,8 km/h, vélo 15 km/h, voiture d'après les attributs des routes.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Left-out sites examined one by one</source>
        <translation>Sites écartés examinés un par un</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>line without id_mutation</source>
        <translation>ligne sans id_mutation</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>line written twice: counted once</source>
        <translation>ligne écrite deux fois : comptée une fois</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>lines</source>
        <translation>des lignes</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Lines of the road network, in any CRS (a geographic one is reprojected to a projected CRS in metres). Every vertex is a node: OpenStreetMap ways need not be split at intersections; lines crossing without a shared vertex (bridges) are not connected.</source>
        <translation>Lignes du réseau routier, dans n'importe quel SCR (un SCR géographique est reprojeté dans un SCR projeté en mètres). Chaque sommet est un nœud : les voies OpenStreetMap n'ont pas besoin d'être découpées aux intersections ; les lignes qui se croisent sans sommet commun (ponts) ne sont pas connectées.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Lines of the routes running on the date (from shapes.txt when present).</source>
        <translation>Tracés des lignes circulant à la date (d'après shapes.txt s'il existe).</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>lines of the same sale with different dates</source>
        <translation>lignes d'une même vente avec des dates différentes</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>lines of the same sale with different prices</source>
        <translation>lignes d'une même vente avec des prix différents</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Lines or sales left out</source>
        <translation>Lignes ou ventes écartées</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>location</source>
        <translation>localisation</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Lowest plausible price of land (€/m²)</source>
        <translation>Prix plausible le plus bas d'un terrain (€/m²)</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Lowest plausible price of premises (€/m² of floor)</source>
        <translation>Prix plausible le plus bas de locaux (€/m² de plancher)</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>Main strengths and weak points; hover a cell for the whole sentence</source>
        <translation>Principaux atouts et points faibles ; survolez une cellule pour lire la phrase entière</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Mandatory sites (identifiers)</source>
        <translation>Sites imposés (identifiants)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/full_analysis.py"/>
        <source>Map products</source>
        <translation>Produits cartographiques</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Margin around the sites (m)</source>
        <translation>Marge autour des sites (m)</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Matched with the profile's keywords (coworking, fablab, tiers-lieu mixte, médiation numérique, EPN...); without it every place counts for every use.</source>
        <translation>Comparé aux mots-clés du profil (coworking, fablab, tiers-lieu mixte, médiation numérique, EPN...) ; sans lui, chaque lieu compte pour chaque usage.</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>maximal covering</source>
        <translation>couverture maximale</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Merge into the inventory (GeoPackage or PostGIS table)</source>
        <translation>Fusionner dans l'inventaire (GeoPackage ou table PostGIS)</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Merging the catchments…</source>
        <translation>Fusion des zones de chalandise…</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Minimum number of sales</source>
        <translation>Nombre minimum de ventes</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Missing Python packages ({missing}). Install them with: {command}</source>
        <translation>Paquets Python manquants ({missing}). Installez-les avec : {command}</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Mode of that catchment</source>
        <translation>Mode de cette zone de chalandise</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Monday</source>
        <translation>lundi</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_indicators.py"/>
        <source>monitoring,follow-up,indicators,history,PDCA,committee,suivi,indicateurs</source>
        <translation>suivi,indicateurs,historique,PDCA,comité,monitoring,follow-up</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>monitoring,follow-up,report,committee,PDF,suivi,rapport,PDCA,charts</source>
        <translation>suivi,rapport,comité,PDF,PDCA,graphiques,monitoring,follow-up</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Move a slider to re-rank at once (share of the total weight on the right). Hover a criterion for its rationale and source.</source>
        <translation>Déplacez un curseur pour reclasser immédiatement (part du poids total à droite). Survolez un critère pour voir sa justification et sa source.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Multi-year acquisition programme (budget)</source>
        <translation>Programme pluriannuel d'acquisition (budget)</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <location filename="../ui/inventory_dock.py"/>
        <location filename="../ui/inventory_model.py"/>
        <source>Municipality</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Municipality (comm_nom, comm_insee)</source>
        <translation>Commune (comm_nom, comm_insee)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>Name of the site (site_nom)</source>
        <translation>Nom du site (site_nom)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>Name of the sites table; the outlines and the history go in &lt;table&gt;_emprises and &lt;table&gt;_history</source>
        <translation>Nom de la table des sites ; les emprises et l'historique vont dans &lt;table&gt;_emprises et &lt;table&gt;_history</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Name, identifier, municipality…</source>
        <translation>Nom, identifiant, commune…</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Names the sites in the log (any case); the feature id when missing.</source>
        <translation>Nomme les sites dans le journal (casse indifférente) ; à défaut, l'identifiant de l'entité.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>nearby</source>
        <translation>à proximité</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Nearest stop, departures within 500 m, PTAL and ÖV class of each site and of a grid.</source>
        <translation>Arrêt le plus proche, départs à moins de 500 m, PTAL et classe ÖV de chaque site et d'une grille.</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>negative cost</source>
        <translation>coût négatif</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>Network ({schema} schema): {lines} lines, {open} usable {mode}; {nodes} nodes, {segments} segments; {snapped} line ends snapped; {speed}.</source>
        <translation>Réseau (schéma {schema}) : {lines} lignes, dont {open} praticables {mode} ; {nodes} nœuds, {segments} segments ; {snapped} extrémités de lignes accrochées ; {speed}.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>network of places</source>
        <translation>maillage</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Network schema</source>
        <translation>Schéma du réseau</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>No budget for {years} in the table: 0 € those years.</source>
        <translation>Pas de budget pour {years} dans la table : 0 € ces années-là.</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>no building: a new building is costed</source>
        <translation>pas de bâtiment : un bâtiment neuf est chiffré</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>No candidate fields ({fields}): every site gets a page.</source>
        <translation>Pas de champs de candidature ({fields}) : chaque site a une page.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>No candidate has a catchment in the catchments layer (joined by {field}).</source>
        <translation>Aucun candidat n'a de zone de chalandise dans la couche des zones de chalandise (jointure sur {field}).</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>No candidate site to choose from (check the field {field}).</source>
        <translation>Aucun site candidat parmi lequel choisir (vérifiez le champ {field}).</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>no candidate site: selection skipped.</source>
        <translation>aucun site candidat : sélection ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>No candidate_&lt;use&gt; field: every site with a use is considered.</source>
        <translation>Pas de champ candidate_&lt;use&gt; : tout site ayant un usage est considéré.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>No comparable sale in the file: no site can be estimated.</source>
        <translation>Aucune vente comparable dans le fichier : aucun site ne peut être estimé.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>no coordinates: used only for its commune</source>
        <translation>pas de coordonnées : utilisée seulement pour sa commune</translation>
    </message>
    <message>
        <location filename="../processing/base.py"/>
        <source>no CRS</source>
        <translation>aucun SCR</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>No CRS declared: coordinates read as Lambert-93 (EPSG:2154).</source>
        <translation>Aucun SCR déclaré : coordonnées lues en Lambert-93 (EPSG:2154).</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>No CRS declared: coordinates read as longitude / latitude (WGS 84).</source>
        <translation>Aucun SCR déclaré : coordonnées lues en longitude / latitude (WGS 84).</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>No estimate (no comparable sale or no known area) for {n} site(s): {ids}</source>
        <translation>Pas d'estimation (aucune vente comparable ou surface inconnue) pour {n} site(s) : {ids}</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>No existing catchment for {minutes} min: every existing catchment is used.</source>
        <translation>Aucune zone de chalandise existante pour {minutes} min : toutes les zones de chalandise existantes sont utilisées.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>no existing tiers-lieux or no population grid: coverage gaps skipped.</source>
        <translation>pas de tiers-lieux existants ou pas de grille de population : zones non couvertes ignorées.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>No explanation stored for this site.</source>
        <translation>Aucune explication enregistrée pour ce site.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>No field matches site_nom: use the field mapping, e.g. site_nom=NAME.</source>
        <translation>Aucun champ ne correspond à site_nom : utilisez la correspondance des champs, par ex. site_nom=NOM.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>no floor or land area: no price per m²</source>
        <translation>pas de surface de plancher ni de terrain : pas de prix au m²</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>No grid: no extent given and no site to take it from.</source>
        <translation>Pas de grille : aucune emprise indiquée et aucun site dont la tirer.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>no GTFS feed: transit coverage skipped.</source>
        <translation>pas de flux GTFS : desserte en transports en commun ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>no GTFS feed: transit service skipped.</source>
        <translation>pas de flux GTFS : offre de transport ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_merge.py"/>
        <source>No inventory given.</source>
        <translation>Aucun inventaire indiqué.</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>No line of the network '{layer}' can be used {mode} with the {schema} schema: check the schema and the mode.</source>
        <translation>Aucune ligne du réseau « {layer} » n'est praticable {mode} avec le schéma {schema} : vérifiez le schéma et le mode.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>no PDF file asked: atlas skipped.</source>
        <translation>aucun fichier PDF demandé : atlas ignoré.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>No period to report.</source>
        <translation>Aucune période à présenter.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>no PLU zones: zoning overlay skipped.</source>
        <translation>pas de zones de PLU : croisement avec le zonage ignoré.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>No population grid: catchments without population.</source>
        <translation>Pas de grille de population : zones de chalandise sans population.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>no population grid: selection skipped.</source>
        <translation>pas de grille de population : sélection ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>no price (valeur_fonciere empty or zero)</source>
        <translation>pas de prix (valeur_fonciere vide ou nulle)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>No programme was found within the time limit ({s} s): raise it.</source>
        <translation>Aucun programme trouvé dans la limite de temps ({s} s) : augmentez-la.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>no project</source>
        <translation>sans projet</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>No PTAL grid: the sites give no extent to draw it on.</source>
        <translation>Pas de grille PTAL : les sites ne donnent pas d'emprise où la dessiner.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>no purchase price</source>
        <translation>pas de prix d'achat</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>No purchase price field: the works are costed, the acquisition and the totals stay empty (run Land prices first).</source>
        <translation>Pas de champ de prix d'achat : les travaux sont chiffrés, l'acquisition et les totaux restent vides (lancez d'abord Prix du foncier).</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>no purchase price: no total</source>
        <translation>pas de prix d'achat : pas de total</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>No remaining candidate reaches anyone not yet served: the choice stops.</source>
        <translation>Aucun candidat restant n'atteint d'habitant non encore desservi : le choix s'arrête.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>no scores: selection skipped.</source>
        <translation>pas de scores : sélection ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>No site can be programmed (no candidate with a known cost).</source>
        <translation>Aucun site ne peut être programmé (aucun candidat dont le coût est connu).</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>No site identifier field: the analyses cannot be joined, only the inventory fields and the optional layers are used.</source>
        <translation>Pas de champ identifiant de site : les analyses ne peuvent pas être jointes, seuls les champs de l'inventaire et les couches facultatives sont utilisés.</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>No site identifier field: the feature ids are used as site_id.</source>
        <translation>Pas de champ identifiant de site : les identifiants des entités servent de site_id.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>No site is a candidate: every site gets a page.</source>
        <translation>Aucun site n'est candidat : chaque site a une page.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/full_analysis.py"/>
        <source>No site matches the expression {expression}.</source>
        <translation>Aucun site ne correspond à l'expression {expression}.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>No site of the inventory could be imported ({r} rows rejected: see the import_report table of {gpkg}): there is nothing to analyse.</source>
        <translation>Aucun site de l'inventaire n'a pu être importé ({r} lignes rejetées : voir la table import_report de {gpkg}) : il n'y a rien à analyser.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>No site of the inventory has a usable geometry ({n} site(s) read): there is nothing to analyse. Check the geometry of the inventory (or the import_report table of {gpkg}).</source>
        <translation>Aucun site de l'inventaire n'a de géométrie utilisable ({n} site(s) lu(s)) : il n'y a rien à analyser. Vérifiez la géométrie de l'inventaire (ou la table import_report de {gpkg}).</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>No site of the inventory is in the {layer} layer (joined by {field}): it is ignored.</source>
        <translation>Aucun site de l'inventaire ne figure dans la couche « {layer} » (jointure sur {field}) : elle est ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>No site to print: the sites layer is empty.</source>
        <translation>Aucun site à imprimer : la couche des sites est vide.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>No site_id: '{new}' generated from the name, the commune and the location</source>
        <translation>Pas de site_id : « {new} » généré à partir du nom, de la commune et de la position</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>No stop has a departure in the windows on {date}: every index is 0.</source>
        <translation>Aucun arrêt n'a de départ dans les périodes le {date} : tous les indices valent 0.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>No trip runs on {date}: every count is 0. The feed runs from {first} to {last}.</source>
        <translation>Aucune course ne circule le {date} : tous les comptages valent 0. Le flux est valable du {first} au {last}.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>No usable geometry: no layer geometry, no valid geompoint / geomsurf WKT, no coordinates</source>
        <translation>Aucune géométrie utilisable : ni géométrie de couche, ni WKT geompoint / geomsurf valide, ni coordonnées</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>No weekday of the feed has any trip: analysing its busiest day, {date} ({weekday}, {trips} trips).</source>
        <translation>Aucun jour de semaine du flux n'a de course : analyse de son jour le plus chargé, le {date} ({weekday}, {trips} courses).</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>No {wanted} field: {field} is used instead.</source>
        <translation>Pas de champ {wanted} : {field} est utilisé à la place.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>None by default: nothing is downloaded unless ticked here. A file given above for the same layer cannot be combined with its online source (except GTFS).</source>
        <translation>Aucune par défaut : rien n'est téléchargé sans être coché ici. Un fichier fourni ci-dessus pour la même couche ne peut pas être combiné avec sa source en ligne (sauf le GTFS).</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>Not a candidate</source>
        <translation>Non candidat</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>not a comparable for a friche</source>
        <translation>pas une référence pour une friche</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>not connected: no geometry</source>
        <translation>non raccordé : pas de géométrie</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>not connected: no road usable in this mode</source>
        <translation>non raccordé : aucune route praticable dans ce mode</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>not connected: {distance} m from the nearest road</source>
        <translation>non raccordé : à {distance} m de la route la plus proche</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Not enough memory to export {path}: lower the resolution.</source>
        <translation>Mémoire insuffisante pour exporter {path} : réduisez la résolution.</translation>
    </message>
    <message>
        <location filename="../ui/field_editors.py"/>
        <source>not filled</source>
        <translation>non renseignée</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>not given</source>
        <translation>non fourni</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Number of sites (0: no limit)</source>
        <translation>Nombre de sites (0 : sans limite)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Number of sites to select</source>
        <translation>Nombre de sites à sélectionner</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Objective 'both' = w × population / the largest population of one site + (1 − w) × score / 100, summed over the sites.</source>
        <translation>Objectif « les deux » = w × population / la plus grande population d'un site + (1 − w) × score / 100, additionné sur les sites.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Objective field</source>
        <translation>Champ de l'objectif</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>on foot</source>
        <translation>à pied</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>One line per rejected row, warning or information, with the reason and the action.</source>
        <translation>Une ligne par ligne rejetée, avertissement ou information, avec le motif et l'action.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>One or more GTFS zips: only the trips calling in the area are kept, the result is still a valid feed (several are merged).</source>
        <translation>Un ou plusieurs zips GTFS : seules les courses qui desservent la zone sont gardées, le résultat reste un flux valide (plusieurs flux sont fusionnés).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>One point per station (parent_station) instead of one per platform.</source>
        <translation>Un point par station (parent_station) au lieu d'un par quai.</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>One polygon per site and time; all times come from one search per site.</source>
        <translation>Un polygone par site et par temps ; tous les temps sont issus d'une seule recherche par site.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Online sources to use</source>
        <translation>Sources en ligne à utiliser</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Only for an order expression of your own.</source>
        <translation>Seulement pour une expression de tri personnalisée.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Only sites where this field is true</source>
        <translation>Uniquement les sites où ce champ est vrai</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Only the candidates of the use</source>
        <translation>Seulement les candidats de l'usage</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Only the first {n} of {m} sites are printed.</source>
        <translation>Seuls les {n} premiers sites sur {m} sont imprimés.</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>Only the lines with a {field} value (an OpenStreetMap file also holds rivers, railways, walls).</source>
        <translation>Seulement les lignes ayant une valeur {field} (un fichier OpenStreetMap contient aussi des cours d'eau, des voies ferrées, des murs).</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Only the sites for which the expression is true get a page. Default: the candidate sites. Empty: all.</source>
        <translation>Seuls les sites pour lesquels l'expression est vraie ont une page. Par défaut : les sites candidats. Vide : tous.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Only used in the explanations (« à pied », « à vélo »).</source>
        <translation>Utilisé uniquement dans les explications (« à pied », « à vélo »).</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>Open a friches inventory</source>
        <translation>Ouvrir un inventaire de friches</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>Open a PostgreSQL inventory</source>
        <translation>Ouvrir un inventaire PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Open a PostgreSQL inventory…</source>
        <translation>Ouvrir un inventaire PostgreSQL…</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Open an inventory GeoPackage and add its layers to the project (the arrow: a team inventory in PostgreSQL)</source>
        <translation>Ouvrir un GeoPackage d'inventaire et ajouter ses couches au projet (la flèche : un inventaire partagé dans PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Open an inventory GeoPackage…</source>
        <translation>Ouvrir un GeoPackage d'inventaire…</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Opening date field</source>
        <translation>Champ de la date d'ouverture</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>OpenStreetMap (highway, oneway, maxspeed)</source>
        <translation>OpenStreetMap (highway, oneway, maxspeed)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>optimisation</source>
        <translation>optimisation</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Optional inventory updated in place, created when missing: a .gpkg (pick an existing file, or type the path of a new one), a saved PostgreSQL connection with schema and table (connection='Équipe SIG' schema=inventaire table=friches) or a PostgreSQL layer URI (dbname=… host=… authcfg=… table="inventaire"."friches" (geom)).</source>
        <translation>Inventaire facultatif mis à jour sur place, créé s'il n'existe pas : un .gpkg (choisissez un fichier existant ou saisissez le chemin d'un nouveau), une connexion PostgreSQL enregistrée avec son schéma et sa table (connection='Équipe SIG' schema=inventaire table=friches) ou une URI de couche PostgreSQL (dbname=… host=… authcfg=… table="inventaire"."friches" (geom)).</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Optional street or footpath lines for walking distances from the sites; without it, distances are straight lines. Lines must share a vertex to connect.</source>
        <translation>Lignes facultatives de rues ou de cheminements piétons pour les distances à pied depuis les sites ; sans elles, les distances sont à vol d'oiseau. Les lignes doivent partager un sommet pour être connectées.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Optional: with a population grid, the population within reach of the places open at the end of each period is computed on this network.</source>
        <translation>Facultatif : avec un carroyage de population, la population à portée des lieux ouverts à la fin de chaque période est calculée sur ce réseau.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Or: budgets by year (table)</source>
        <translation>Ou : budgets par année (table)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Or: total cost field (€)</source>
        <translation>Ou : champ du coût total (€)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Order of the pages (expression)</source>
        <translation>Ordre des pages (expression)</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Other background layers of the atlas</source>
        <translation>Autres couches de fond de l'atlas</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>other or unknown</source>
        <translation>autre ou inconnu</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Outline of the polygons</source>
        <translation>Contour des polygones</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Outlines taken from the communes layer given: the API Découpage administratif is not asked.</source>
        <translation>Contours pris dans la couche de communes fournie : l'API Découpage administratif n'est pas interrogée.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Outlines: API Découpage administratif (geo.api.gouv.fr)</source>
        <translation>Contours : API Découpage administratif (geo.api.gouv.fr)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Output of Catchment (fields site_id, minutes): each page shows the bands of its site.</source>
        <translation>Sortie de l'algorithme Zone de chalandise (champs site_id, minutes) : chaque page montre les tranches de son site.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Output of Transit service: stops drawn by departures per hour.</source>
        <translation>Sortie de l'algorithme Offre de transport par arrêt : arrêts représentés selon leurs départs par heure.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Overpass API address</source>
        <translation>Adresse de l'API Overpass</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Ownership</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/monitoring_report.py"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Pages ordered by {expression}{direction}.</source>
        <translation>Pages triées selon {expression}{direction}.</translation>
    </message>
    <message>
        <location filename="../processing/base.py"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>parking</source>
        <translation>stationnement</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Part of the total paid at acquisition (field, €)</source>
        <translation>Part du total payée à l'acquisition (champ, €)</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>parts of another geometry type left out (collection or multi-part geometry)</source>
        <translation>parties d'un autre type de géométrie écartées (collection ou géométrie multiple)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/monitoring_report.py"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Peak window end (HH:MM)</source>
        <translation>Fin de la période de pointe (HH:MM)</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Peak window start (HH:MM)</source>
        <translation>Début de la période de pointe (HH:MM)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>People newly covered</source>
        <translation>Habitants nouvellement couverts</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_indicators.py"/>
        <source>Per year or quarter: sites by status, identified, converted, status changes, places opened, population within reach.</source>
        <translation>Par année ou trimestre : sites par statut, identifiés, reconvertis, changements de statut, lieux ouverts, population à portée.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Period (years before the latest sale)</source>
        <translation>Période (années avant la dernière vente)</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>Period: {start} to {end}.</source>
        <translation>Période : du {start} au {end}.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <location filename="../processing/monitoring_io.py"/>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Place {name} has no geometry: left out.</source>
        <translation>Le lieu {name} n'a pas de géométrie : écarté.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Place {name}: '{value}' is not a date: it counts as open all along.</source>
        <translation>Lieu {name} : '{value}' n'est pas une date : il compte comme ouvert sur toute la période.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Places open or opened (coworking, fablab, médiation numérique…): counted by opening date, on a former friche when inside a site's outline or within {distance} m of its point; their catchments give the population within reach when a network and a population grid are given.</source>
        <translation>Lieux ouverts (coworking, fablab, médiation numérique…) : comptés selon leur date d'ouverture, sur une ancienne friche s'ils sont dans l'emprise d'un site ou à moins de {distance} m de son point ; leurs zones d'accessibilité donnent la population à portée quand un réseau et un carroyage de population sont fournis.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Places whose catchments count as covered (tiers-lieux, France Services...).</source>
        <translation>Lieux dont les zones de chalandise comptent comme couvertes (tiers-lieux, France Services...).</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Planning</source>
        <translation>Urbanisme</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Please correct these fields:</source>
        <translation>Veuillez corriger ces champs :</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>PLU</source>
        <translation>PLU</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>PLU layers (CNIG)</source>
        <translation>Couches du PLU (CNIG)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>PLU prescriptions</source>
        <translation>Prescriptions du PLU</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>PLU zones (TYPEZONE)</source>
        <translation>zones de PLU (TYPEZONE)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>PLU zones (zone_urba or the zones output of Zoning overlay), in the CNIG colours.</source>
        <translation>Zones des PLU (zone_urba ou la sortie « Zones (réparées) » du Croisement avec le zonage), aux couleurs CNIG.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>PLU zones (zone_urba)</source>
        <translation>Zones du PLU (zone_urba)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>PLU: Géoportail de l'urbanisme (API Carto GPU)</source>
        <translation>PLU : Géoportail de l'Urbanisme (API Carto GPU)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Point layer of the friches inventory (CNIG friches fields)</source>
        <translation>Couche de points de l'inventaire des friches (champs du standard CNIG Friches)</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>points</source>
        <translation>des points</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Points (EPSG:4326) with departures, departures_per_hour, mean_headway_min, routes, route_names, modes.</source>
        <translation>Points (EPSG:4326) avec departures, departures_per_hour, mean_headway_min, routes, route_names, modes.</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Points or polygons (friches, tiers-lieux, candidate sites).</source>
        <translation>Points ou polygones (friches, tiers-lieux, sites candidats).</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Points or polygons (polygons are measured from their point on surface).</source>
        <translation>Points ou polygones (les polygones sont mesurés depuis leur point intérieur).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Points, polygons or a table without geometry (CSV with geompoint / geomsurf WKT columns or coordinate columns).</source>
        <translation>Points, polygones ou table sans géométrie (CSV avec colonnes WKT geompoint / geomsurf ou colonnes de coordonnées).</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Pollution</source>
        <translation>Pollution</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>pollution without site area: depollution not costed</source>
        <translation>pollution sans surface du site : dépollution non chiffrée</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>polygons</source>
        <translation>des polygones</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Polygons are the reached roads (edges crossing the time limit cut at the exact point) widened by this distance on each side. No point of a polygon is farther than this from a road reached in time, except in filled holes (see below), never more than 50 m; with the automatic outline, a site reaching very long roads gets twice, four or eight times this width (stated in the field max_dist_m).</source>
        <translation>Les polygones sont les routes atteintes (les tronçons qui franchissent la limite de temps étant coupés au point exact) élargies de cette distance de chaque côté. Aucun point d'un polygone n'est plus loin que cette distance d'une route atteinte dans le temps imparti, sauf dans les trous comblés (voir ci-dessous), jamais plus de 50 m ; avec le contour automatique, un site qui atteint de très longues routes reçoit deux, quatre ou huit fois cette largeur (indiquée dans le champ max_dist_m).</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Polygons of the sites (friches_emprises), matched on site_id, outlined on the main map.</source>
        <translation>Polygones des sites (friches_emprises), rapprochés par site_id, dont le contour est tracé sur la carte principale.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Polygons with a population (INSEE Filosofi 200 m cells by default).</source>
        <translation>Polygones portant une population (carreaux INSEE Filosofi à 200 m par défaut).</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Polygons with a population count, spread evenly over each polygon: by default the INSEE Filosofi 200 m grid (field 'ind'). A polygon covering 30 % of a cell counts 30 % of its population.</source>
        <translation>Polygones portant un effectif de population, réparti uniformément sur chaque polygone : par défaut la grille INSEE Filosofi à 200 m (champ 'ind'). Un polygone couvrant 30 % d'un carreau compte 30 % de sa population.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>population</source>
        <translation>population</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Population covered</source>
        <translation>Population couverte</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/network_io.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>Population field</source>
        <translation>Champ de population</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Population field of the grid</source>
        <translation>Champ de population de la grille</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Population field of the sites</source>
        <translation>Champ de population des sites</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>Population from the field {field}: people reached by two sites count twice (give the catchments and the grid to count them once).</source>
        <translation>Population d'après le champ {field} : les habitants touchés par deux sites comptent deux fois (donnez les zones de chalandise et la grille pour les compter une fois).</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/network_io.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>Population grid</source>
        <translation>Grille de population</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Population grid (Filosofi 200 m)</source>
        <translation>Grille de population (Filosofi 200 m)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Population newly covered</source>
        <translation>Population nouvellement couverte</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Population newly served by the selection</source>
        <translation>Population nouvellement desservie par la sélection</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Population not covered</source>
        <translation>Population non couverte</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Population not served by existing places</source>
        <translation>Population non desservie par les lieux existants</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>Population of the grid</source>
        <translation>Population de la grille</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Population target (people, optional)</source>
        <translation>Population cible (habitants, facultatif)</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Population: {n} polygons, {total} people in field '{field}'{grid}.</source>
        <translation>Population : {n} polygones, {total} habitants dans le champ « {field} »{grid}.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>Possible duplicate of {other_id} (input row {other_row}): points {distance} m apart</source>
        <translation>Doublon possible de {other_id} (ligne {other_row}) : points distants de {distance} m</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>Possible duplicate of {other_id} (input row {other_row}): polygons overlap by {overlap_pct} %</source>
        <translation>Doublon possible de {other_id} (ligne {other_row}) : polygones recouverts à {overlap_pct} %</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>potential</source>
        <translation>potentielle</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Prepare a territory (files and open-data services)</source>
        <translation>Préparer un territoire (fichiers et services de données ouvertes)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <source>Prepared territory (GeoPackage)</source>
        <translation>Territoire préparé (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Prepared territory written to {path}: {layers}.</source>
        <translation>Territoire préparé écrit dans {path} : {layers}.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Prepared territory {path}: {layers}.</source>
        <translation>Territoire préparé {path} : {layers}.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Preparing the maps…</source>
        <translation>Préparation des cartes…</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>prescription(s)</source>
        <translation>prescription(s)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>prescription_lin: prescriptions (lines)</source>
        <translation>prescription_lin : prescriptions (linéaires)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>prescription_pct: prescriptions (points)</source>
        <translation>prescription_pct : prescriptions (ponctuelles)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>PRESCRIPTION_SURF / _LIN / _PCT layers (TYPEPSC, STYPEPSC; optional LIBELLE, TXT).</source>
        <translation>Couches PRESCRIPTION_SURF / _LIN / _PCT (TYPEPSC, STYPEPSC ; facultatifs : LIBELLE, TXT).</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>prescription_surf: prescriptions (surfaces)</source>
        <translation>prescription_surf : prescriptions (surfaciques)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>prescriptions</source>
        <translation>prescriptions</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Prescriptions (surfaces, lines, points)</source>
        <translation>Prescriptions (surfaces, lignes, points)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Prescriptions and informations within this distance of a point site are listed.</source>
        <translation>Les prescriptions et informations situées à moins de cette distance d'un site ponctuel sont listées.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Priority field (ties)</source>
        <translation>Champ de priorité (égalités)</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Priority neighbourhoods (QPV)</source>
        <translation>Quartiers prioritaires (QPV)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>programme</source>
        <translation>programme</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Programme (sites)</source>
        <translation>Programme (sites)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Programme (XLSX)</source>
        <translation>Programme (XLSX)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Programme by year</source>
        <translation>Programme par année</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Programme pluriannuel (PDF)</source>
        <translation>Programme pluriannuel (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>property sales</source>
        <translation>ventes immobilières</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>PTAL grid</source>
        <translation>Grille PTAL</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Public services (France Services, libraries, town halls, schools...): counted within 500 m; France Services and EPN count as existing digital inclusion places; town halls and schools are used when the layers below are not given.</source>
        <translation>Services publics (France Services, bibliothèques, mairies, écoles...) : comptés dans un rayon de 500 m ; les France Services et les EPN comptent comme lieux de médiation numérique existants ; les mairies et les écoles sont utilisées quand les couches ci-dessous ne sont pas fournies.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <location filename="../processing/transit_service.py"/>
        <source>public transport</source>
        <translation>transport public</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Public transport timetable: stops, PTAL and ÖV classes (steps skipped without it).</source>
        <translation>Horaires des transports en commun : arrêts, PTAL et classes ÖV (étapes ignorées sans flux).</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../processing/site_costs.py"/>
        <source>Purchase price field (€)</source>
        <translation>Champ du prix d'achat (€)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>QGIS could not open the table {where}.</source>
        <translation>QGIS n'a pas pu ouvrir la table {where}.</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>QGIS, feature by feature</source>
        <translation>QGIS, entité par entité</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>QPV</source>
        <translation>QPV</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>QPV 2024 perimeters (ANCT).</source>
        <translation>Périmètres des QPV 2024 (ANCT).</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>Rank for this use with the weights shown</source>
        <translation>Rang pour cet usage avec les pondérations affichées</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>ranking</source>
        <translation>classement</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Read the site again from the inventory, with the other author's changes; your changes to other fields are kept</source>
        <translation>Relire le site dans l'inventaire, avec les modifications de l'autre auteur ; vos modifications des autres champs sont gardées</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Read {rows} row(s): {imported} site(s) imported, {rejected} rejected, {warnings} warning(s).</source>
        <translation>{rows} ligne(s) lue(s) : {imported} site(s) importé(s), {rejected} rejetée(s), {warnings} avertissement(s).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Reading the population…</source>
        <translation>Lecture de la population…</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>Reading the road network…</source>
        <translation>Lecture du réseau routier…</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <location filename="../processing/transit_service.py"/>
        <source>Reading {path}…</source>
        <translation>Lecture de {path}…</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Reads a friches inventory into the CNIG friches standard and reports every problem.</source>
        <translation>Lit un inventaire de friches selon le standard CNIG Friches et signale chaque problème.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <location filename="../processing/inventory_report.py"/>
        <source>rejected</source>
        <translation>rejetée</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>Reliability: share of the weights whose criteria have data</source>
        <translation>Fiabilité : part des pondérations dont les critères sont renseignés</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Reliability: {high} high, {medium} medium (area widened), {low} low (too few sales), {none} without estimate.</source>
        <translation>Fiabilité : {high} élevée, {medium} moyenne (zone élargie), {low} faible (trop peu de ventes), {none} sans estimation.</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Reload the site</source>
        <translation>Recharger le site</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>repaired</source>
        <translation>réparé</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>Report (PDF)</source>
        <translation>Rapport (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>Report of features written with another geometry</source>
        <translation>Rapport des entités écrites avec une autre géométrie</translation>
    </message>
    <message>
        <location filename="../ui/field_editors.py"/>
        <source>Required by the standard.</source>
        <translation>Obligatoire dans le standard.</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>required, please fill it in</source>
        <translation>obligatoire, veuillez le renseigner</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Reset filters</source>
        <translation>Réinitialiser les filtres</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Reset weights</source>
        <translation>Réinitialiser les pondérations</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Resolution (dpi)</source>
        <translation>Résolution (ppp)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Results (GeoPackage)</source>
        <translation>Résultats (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <source>Retries after a failed request</source>
        <translation>Nouvelles tentatives après une requête en échec</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Rivers, railway, woods... drawn under the main map of each sheet.</source>
        <translation>Cours d'eau, voies ferrées, bois... dessinés sous la carte principale de chaque fiche.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/network_io.py"/>
        <source>Road network</source>
        <translation>Réseau routier</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>Road network '{layer}' taken from this session's cache (built for another mode).</source>
        <translation>Réseau routier « {layer} » repris du cache de la session (construit pour un autre mode).</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>Road network '{layer}' taken from this session's cache (read for an earlier run, unchanged since).</source>
        <translation>Réseau routier « {layer} » repris du cache de la session (lu pour un traitement précédent, inchangé depuis).</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>Road network read in {seconds} s ({how}).</source>
        <translation>Réseau routier lu en {seconds} s ({how}).</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>roads</source>
        <translation>routes</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Roads (BD TOPO troncon_de_route or OSM)</source>
        <translation>Routes (BD TOPO troncon_de_route ou OSM)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Roads kept</source>
        <translation>Routes gardées</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Roads: IGN Géoplateforme WFS (BD TOPO troncon_de_route)</source>
        <translation>Routes : WFS de la Géoplateforme IGN (BD TOPO troncon_de_route)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Roads: OpenStreetMap through an Overpass API</source>
        <translation>Routes : OpenStreetMap via une API Overpass</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Routes</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>row kept with its point only</source>
        <translation>ligne gardée avec son seul point</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>row {row}</source>
        <translation>ligne {row}</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>Row {row} ({site}): {reason} → {action}</source>
        <translation>Ligne {row} ({site}) : {reason} → {action}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Rows rejected</source>
        <translation>Lignes rejetées</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Rules table {path}, line {line}: condition '{value}' cannot be read.</source>
        <translation>Table de règles {path}, ligne {line} : la condition « {value} » est illisible.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Rules table {path}, line {line}: condition '{value}' needs codes.</source>
        <translation>Table de règles {path}, ligne {line} : la condition « {value} » nécessite des codes.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Rules table {path}, line {line}: priority '{value}' is not a number.</source>
        <translation>Table de règles {path}, ligne {line} : la priorité « {value} » n'est pas un nombre.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Rules table {path}, line {line}: result '{value}' is not compatible, conditional, incompatible or unknown.</source>
        <translation>Table de règles {path}, ligne {line} : le résultat « {value} » n'est pas l'une des valeurs compatible, conditional, incompatible ou unknown.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Rules table {path}, line {line}: unknown condition '{value}'.</source>
        <translation>Table de règles {path}, ligne {line} : condition inconnue « {value} ».</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Rules table {path}, line {line}: unknown use '{value}' (coworking, fablab, mediation or *).</source>
        <translation>Table de règles {path}, ligne {line} : usage inconnu « {value} » (coworking, fablab, mediation ou *).</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Run from the QGIS window, the results load in the project with the plugin's styles.</source>
        <translation>Lancés depuis la fenêtre de QGIS, les résultats sont chargés dans le projet avec les styles de l'extension.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>sale outside the period</source>
        <translation>vente hors de la période</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Sales outside these bounds are reported as absurd prices and not used.</source>
        <translation>Les ventes hors de ces bornes sont signalées comme prix aberrants et non utilisées.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Sales within this many years before the latest sale of the file (DVF covers the last five years).</source>
        <translation>Les ventes de ce nombre d'années avant la dernière vente du fichier (DVF couvre les cinq dernières années).</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Same as the population target, as a share of the people no existing place reaches.</source>
        <translation>Comme la population cible, mais exprimée en part des habitants qu'aucun lieu existant n'atteint.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Saturday</source>
        <translation>samedi</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>Schema</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>schools</source>
        <translation>écoles</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Schools and universities</source>
        <translation>Écoles et universités</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <location filename="../ui/candidates_model.py"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Score candidate sites (coworking, fablab, digital inclusion)</source>
        <translation>Noter les sites candidats (coworking, fablab, médiation numérique)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Score candidates</source>
        <translation>Notation des candidats</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>Score from 0 to 100 with the weights shown</source>
        <translation>Score de 0 à 100 avec les pondérations affichées</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Score of the use</source>
        <translation>Score de l'usage</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/score_candidates.py"/>
        <source>Scored sites</source>
        <translation>Sites notés</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>scores per use (coworking, fablab, digital inclusion)</source>
        <translation>scores par usage (coworking, fablab, médiation numérique)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>scores without nearby services.</source>
        <translation>scores sans les services proches.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/score_candidates.py"/>
        <source>Scoring profile (JSON)</source>
        <translation>Profil de notation (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>SCOT layer: no field {wanted} nor a name field; the SCOT is named by its feature id.</source>
        <translation>Couche SCoT : ni champ {wanted} ni champ nom ; le SCoT est nommé par son identifiant d'entité.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>SCOT layer: no field {wanted}, names read from {field}.</source>
        <translation>Couche SCoT : pas de champ {wanted}, noms lus dans {field}.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>SCOT name field</source>
        <translation>Champ nom du SCoT</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/zoning_overlay.py"/>
        <source>SCOT perimeter</source>
        <translation>Périmètre du SCoT</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Search distance around point sites (m)</source>
        <translation>Distance de recherche autour des sites ponctuels (m)</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Searching the network and drawing the catchments…</source>
        <translation>Parcours du réseau et tracé des zones de chalandise…</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>secteur_cc: carte communale sectors</source>
        <translation>secteur_cc : secteurs des cartes communales</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Select sites</source>
        <translation>Sélection des sites</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Select sites that best complete the network (maximal covering)</source>
        <translation>Sélectionner les sites qui complètent le mieux le maillage (couverture maximale)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Select sites: the K candidates that together reach the most people not served.</source>
        <translation>Sélection des sites : les K candidats qui, ensemble, atteignent le plus d'habitants non desservis.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>Selected sites</source>
        <translation>Sites sélectionnés</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>selection of the sites that reach the most people not served</source>
        <translation>sélection des sites qui atteignent le plus d'habitants non desservis</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Selection on the sheets</source>
        <translation>Sélection reportée sur les fiches</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Service date (YYYY-MM-DD)</source>
        <translation>Date de service (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>services</source>
        <translation>services</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <location filename="../processing/score_candidates.py"/>
        <source>Services and facilities</source>
        <translation>Services et équipements</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>set to 'inconnu'</source>
        <translation>mis à « inconnu »</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Set to today when you save.</source>
        <translation>Prend la date du jour à l'enregistrement.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Share of the people not served reached (%)</source>
        <translation>Part atteinte des habitants non desservis (%)</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Share of the population covered (%)</source>
        <translation>Part de la population couverte (%)</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Show or hide the friches inventory panel</source>
        <translation>Afficher ou masquer le panneau de l'inventaire des friches</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Show or hide the panel ranking the candidate sites for each use</source>
        <translation>Afficher ou masquer le panneau qui classe les sites candidats pour chaque usage</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Show the provider's algorithms in the Processing toolbox</source>
        <translation>Afficher les algorithmes du fournisseur dans la boîte à outils de traitements</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Side of the grid cells; 0 for no grid.</source>
        <translation>Côté des carreaux de la grille ; 0 pour ne pas créer de grille.</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <location filename="../ui/candidates_model.py"/>
        <location filename="../ui/friche_form.py"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Site area</source>
        <translation>Surface du site</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Site footprints</source>
        <translation>Emprises des sites</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Site footprints of an imported inventory</source>
        <translation>Emprises des sites d'un inventaire importé</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../processing/catchment.py"/>
        <location filename="../processing/land_prices.py"/>
        <location filename="../processing/score_candidates.py"/>
        <location filename="../processing/select_sites.py"/>
        <location filename="../processing/site_costs.py"/>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Site identifier field</source>
        <translation>Champ identifiant du site</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>Site identifier field of the catchments</source>
        <translation>Champ identifiant de site des zones de chalandise</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Site identifiers must be unique: {ids} appear several times in {field}.</source>
        <translation>Les identifiants de site doivent être uniques : {ids} apparaissent plusieurs fois dans {field}.</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Site name field (for messages)</source>
        <translation>Champ nom du site (pour les messages)</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>Site outlines at the date</source>
        <translation>Emprises des sites à la date</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Site polygons</source>
        <translation>Emprises des sites</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Site reloaded with the other author's changes. Your changes are kept, not saved yet: click Save.</source>
        <translation>Site rechargé avec les modifications de l'autre auteur. Vos modifications sont gardées, pas encore enregistrées : cliquez sur Enregistrer.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>site sheets atlas</source>
        <translation>atlas des fiches sites</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Site sheets atlas (PDF)</source>
        <translation>Atlas des fiches sites (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>site {site}</source>
        <translation>le site {site}</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>Site {site} had no point at that date: left out.</source>
        <translation>Le site {site} n'avait pas de point à cette date : écarté.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Site {site} has no geometry: no page.</source>
        <translation>Le site {site} n'a pas de géométrie : pas de page.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>Site {site} is not in the inventory {where}.</source>
        <translation>Le site {site} n'est pas dans l'inventaire {where}.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>Site {site} was added by {who} on {when} since you read the inventory: nothing was saved.</source>
        <translation>Le site {site} a été ajouté par {who} le {when} depuis votre lecture de l'inventaire : rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>Site {site} was changed by {who} on {when} since you read it: nothing was saved, so that neither change is lost. Reload the site (or run the import again) and redo your change.</source>
        <translation>Le site {site} a été modifié par {who} le {when} depuis que vous l'avez lu : rien n'a été enregistré, pour qu'aucune des deux modifications ne soit perdue. Rechargez le site (ou relancez l'import) et refaites votre modification.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>Site {site} was deleted by {who} on {when} since you read it: nothing was saved.</source>
        <translation>Le site {site} a été supprimé par {who} le {when} depuis que vous l'avez lu : rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Site {site}: outside the zones of the zoning layer.</source>
        <translation>Site {site} : hors des zones de la couche de zonage.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>site_actu_date ({actu}) is earlier than site_identif_date ({identif})</source>
        <translation>site_actu_date ({actu}) est antérieure à site_identif_date ({identif})</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>site_id '{value}' does not follow the standard's &lt;INSEE&gt;_&lt;id&gt; form</source>
        <translation>site_id « {value} » ne suit pas la forme &lt;INSEE&gt;_&lt;id&gt; du standard</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>site_id {site_id} is already used by input row {first_row}</source>
        <translation>site_id {site_id} est déjà utilisé par la ligne {first_row}</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <location filename="../processing/land_prices.py"/>
        <location filename="../processing/site_costs.py"/>
        <location filename="../processing/transit_coverage.py"/>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Sites (inventory)</source>
        <translation>Sites (inventaire)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Sites (scored, with land prices)</source>
        <translation>Sites (notés, avec prix du foncier)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Sites (their extent)</source>
        <translation>Sites (leur emprise)</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Sites added to the inventory</source>
        <translation>Sites ajoutés à l'inventaire</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>Sites at the date</source>
        <translation>Sites à la date</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Sites both mandatory and excluded: {ids}.</source>
        <translation>Sites à la fois imposés et écartés : {ids}.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Sites imported</source>
        <translation>Sites importés</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Sites in the programme</source>
        <translation>Sites du programme</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Sites not connected to the network</source>
        <translation>Sites non raccordés au réseau</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Sites outside the zoning</source>
        <translation>Sites hors zonage</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Sites scored</source>
        <translation>Nombre de sites notés</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Sites selected</source>
        <translation>Nombre de sites sélectionnés</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Sites to analyse</source>
        <translation>Sites à analyser</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Sites to analyse (expression)</source>
        <translation>Sites à analyser (expression)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Sites to print (expression)</source>
        <translation>Sites à imprimer (expression)</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Sites to rank by the population they would newly cover (friches...).</source>
        <translation>Sites à classer selon la population supplémentaire qu'ils couvriraient (friches...).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Sites updated in the inventory</source>
        <translation>Sites mis à jour dans l'inventaire</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Sites whose candidate_&lt;use&gt; field is false are left out (reason given); mandatory sites are always considered.</source>
        <translation>Les sites dont le champ candidate_&lt;use&gt; est faux sont écartés (raison donnée) ; les sites imposés sont toujours considérés.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Sites with a site_id, e.g. the output of Score candidate sites.</source>
        <translation>Sites dotés d'un site_id, par ex. la sortie de l'algorithme Noter les sites candidats.</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>Sites with a total cost</source>
        <translation>Sites dont le coût total est connu</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Sites with an estimate</source>
        <translation>Sites avec une estimation</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>Sites with costs</source>
        <translation>Sites avec leurs coûts</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Sites with land prices</source>
        <translation>Sites avec prix du foncier</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Sites with population reached</source>
        <translation>Sites avec la population atteinte</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>Sites with the CNIG fields, ideally the output of Land prices.</source>
        <translation>Sites avec les champs CNIG, idéalement la sortie de Prix du foncier.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Sites with transit coverage</source>
        <translation>Sites avec leur desserte en transports en commun</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Sites with zoning</source>
        <translation>Sites avec leur zonage</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Skipped: {reason}</source>
        <translation>Ignorée : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Smallest area shown, in hectares (site_surface)</source>
        <translation>Surface minimale affichée, en hectares (site_surface)</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Snapping of dangling line ends (m)</source>
        <translation>Accrochage des extrémités de lignes pendantes (m)</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>soil pollution unknown: no depollution costed</source>
        <translation>pollution des sols inconnue : pas de dépollution chiffrée</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Solving the programme (HiGHS, time limit {s} s)…</source>
        <translation>Résolution du programme (HiGHS, limite de temps {s} s)…</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>someone else</source>
        <translation>quelqu'un d'autre</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Sort descending</source>
        <translation>Tri décroissant</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Speed (km/h), replaces the default speeds</source>
        <translation>Vitesse (km/h), remplace les vitesses par défaut</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Speed field (km/h), generic schema</source>
        <translation>Champ de vitesse (km/h), schéma générique</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>speed {speed} km/h</source>
        <translation>vitesse de {speed} km/h</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>speed {speed} km/h everywhere</source>
        <translation>vitesse de {speed} km/h partout</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Spend (€)</source>
        <translation>Dépense (€)</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Start of the time window, included (HH:MM or HH:MM:SS).</source>
        <translation>Début de la plage horaire, inclus (HH:MM ou HH:MM:SS).</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Start of the window of the ÖV-Güteklassen intervals (ARE: 06:00).</source>
        <translation>Début de la période de calcul des intervalles ÖV-Güteklassen (ARE : 06:00).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Start time (HH:MM)</source>
        <translation>Heure de début (HH:MM)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <location filename="../ui/inventory_model.py"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_indicators.py"/>
        <source>Status changes</source>
        <translation>Changements de statut</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Status of the site (site_statut)</source>
        <translation>Statut du site (site_statut)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Status of the solution</source>
        <translation>État de la solution</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Step 1/7: territory</source>
        <translation>Étape 1/7 : territoire</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Step 2/7: roads</source>
        <translation>Étape 2/7 : routes</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Step 3/7: population</source>
        <translation>Étape 3/7 : population</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Step 4/7: friches</source>
        <translation>Étape 4/7 : friches</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Step 5/7: tiers-lieux and services</source>
        <translation>Étape 5/7 : tiers-lieux et services</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Step 6/7: PLU</source>
        <translation>Étape 6/7 : PLU</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Step 7/7: public transport (GTFS)</source>
        <translation>Étape 7/7 : transports en commun (GTFS)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Step {k}/{n} ({step}) ended without its output {outputs}: see its messages above.</source>
        <translation>L'étape {k}/{n} ({step}) s'est terminée sans sa sortie {outputs} : voir ses messages ci-dessus.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Step {k}/{n} ({step}) failed: {error}</source>
        <translation>L'étape {k}/{n} ({step}) a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Step {k}/{n}: {text}</source>
        <translation>Étape {k}/{n} : {text}</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>step {k}: {reason}</source>
        <translation>étape {k} : {reason}</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Step {step}: {name} ({id}) adds {gain} people, {total} in all ({pct} % of those not served).</source>
        <translation>Étape {step} : {name} ({id}) ajoute {gain} habitants, {total} au total ({pct} % des habitants non desservis).</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Steps skipped</source>
        <translation>Étapes ignorées</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Stop as soon as the chosen sites reach this many people not served before.</source>
        <translation>S'arrêter dès que les sites choisis atteignent ce nombre d'habitants jusque-là non desservis.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Stops</source>
        <translation>Arrêts</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>stops</source>
        <translation>arrêts</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Stops with their service</source>
        <translation>Arrêts avec leur offre</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Streets and paths (OpenStreetMap, BD TOPO or generic lines): walking catchments and walking distances to the stops; also drawn under the atlas maps. Needed unless a prepared territory holds it.</source>
        <translation>Rues et chemins (OpenStreetMap, BD TOPO ou lignes génériques) : zones de chalandise à pied et distances à pied aux arrêts ; aussi dessinés sous les cartes de l'atlas. Obligatoire sauf si un territoire préparé le contient.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>styles of the results</source>
        <translation>styles des résultats</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Sunday</source>
        <translation>dimanche</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>table {table} is missing</source>
        <translation>la table {table} manque</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>Target share of the people not served (%)</source>
        <translation>Part cible des habitants non desservis (%)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Territory (communes)</source>
        <translation>Territoire (communes)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Territory (locator map)</source>
        <translation>Territoire (carte de situation)</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>territory grown by {m} m</source>
        <translation>territoire élargi de {m} m</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>territory,commune,EPCI,clip,BD TOPO,Filosofi,Cartofriches,GTFS,PLU,download,prepare</source>
        <translation>territoire,commune,EPCI,découper,BD TOPO,Filosofi,Cartofriches,GTFS,PLU,télécharger,préparer</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Territory: INSEE codes or EPCI SIREN</source>
        <translation>Territoire : codes INSEE ou SIREN d'EPCI</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>Territory: polygon layer</source>
        <translation>Territoire : couche de polygones</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>Territory: {n} commune(s), {km2} km²; area with the buffer of {m} m: {area} km².</source>
        <translation>Territoire : {n} commune(s), {km2} km² ; zone avec la zone tampon de {m} m : {area} km².</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The 'Candidates with new coverage' output of Coverage gaps: new_pop_15min, the population a site would reach that no existing place reaches.</source>
        <translation>La sortie « Candidats avec leur nouvelle couverture » de l'algorithme Zones non couvertes : new_pop_15min, la population qu'un site atteindrait et qu'aucun lieu existant n'atteint.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The 'Sites with population reached' output of Catchment; the field named in the profile (pop_15min) is used, else the pop_&lt;minutes&gt;min field closest to it.</source>
        <translation>La sortie « Sites avec la population atteinte » de l'algorithme Zone de chalandise ; le champ indiqué dans le profil (pop_15min) est utilisé, sinon le champ pop_&lt;minutes&gt;min le plus proche.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>the algorithm friches:score_candidates is not available: scoring skipped.</source>
        <translation>l'algorithme friches:score_candidates n'est pas disponible : notation ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>the algorithm friches:select_sites is not available: selection skipped.</source>
        <translation>l'algorithme friches:select_sites n'est pas disponible : sélection ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>The algorithm {alg} is missing.</source>
        <translation>L'algorithme {alg} est introuvable.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The answer of the API Carto GPU service at {url} (HTTP {status}) is not a GeoJSON FeatureCollection: {message}. Check the service address.</source>
        <translation>La réponse du service API Carto GPU à {url} (HTTP {status}) n'est pas une FeatureCollection GeoJSON : {message}. Vérifiez l'adresse du service.</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <location filename="../processing/web_request.py"/>
        <source>The answer of the service {service} is not in its documented format ({detail}): {url}. The service may have changed: check its address.</source>
        <translation>La réponse du service {service} n'est pas au format documenté ({detail}) : {url}. Le service a peut-être changé : vérifiez son adresse.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The API Carto GPU service answered HTTP {status} for {url}: {message}</source>
        <translation>Le service API Carto GPU a répondu HTTP {status} pour {url} : {message}</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The API Carto GPU service at {url} ignores the _start parameter: it cannot be paged past the first page. Check the service address.</source>
        <translation>Le service API Carto GPU à {url} ignore le paramètre _start : impossible d'aller au-delà de la première page. Vérifiez l'adresse du service.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The API Carto GPU service failed (HTTP {status}) for {url}: {message}. The GPU may be down: try again later; layers already in the GeoPackage stay usable.</source>
        <translation>Le service API Carto GPU a échoué (HTTP {status}) pour {url} : {message}. Le GPU est peut-être indisponible : réessayez plus tard ; les couches déjà présentes dans le GeoPackage restent utilisables.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The API Carto GPU service refused the request (HTTP {status}, bad parameter) {url}: {message}. A smaller tile size may help.</source>
        <translation>Le service API Carto GPU a refusé la requête (HTTP {status}, paramètre incorrect) {url} : {message}. Une taille de tuile plus petite peut aider.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The atlas could not go through its pages ({path}).</source>
        <translation>L'atlas n'a pas pu parcourir ses pages ({path}).</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The atlas has {n} pages instead of {m}.</source>
        <translation>L'atlas compte {n} pages au lieu de {m}.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>The band of the catchments to use (field minutes); 0: the longest band present.</source>
        <translation>La tranche des zones de chalandise à utiliser (champ minutes) ; 0 : la tranche la plus longue présente.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The best left-out sites are forced into the programme one at a time to measure what it would lose.</source>
        <translation>Les meilleurs sites écartés sont forcés dans le programme un par un pour mesurer ce qu'il y perdrait.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The best use of each site</source>
        <translation>Le meilleur usage de chaque site</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The budget fits no site: the cheapest, {id}, costs {total} (acquisition {acq}, then works {works} a year later at the earliest) while the largest yearly budget is {budget}. The programme is empty; raise the budget, allow carry-over or lengthen the horizon.</source>
        <translation>Le budget ne permet aucun site : le moins cher, {id}, coûte {total} (acquisition {acq}, puis travaux {works} un an plus tard au plus tôt) alors que le plus gros budget annuel est de {budget}. Le programme est vide ; augmentez le budget, autorisez le report ou allongez l'horizon.</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>The budget of {year} is negative ({amount}).</source>
        <translation>Le budget de {year} est négatif ({amount}).</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>The budget table gives the year {year} twice.</source>
        <translation>La table des budgets donne l'année {year} deux fois.</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>The budget table has no usable row (fields {year} and {amount}).</source>
        <translation>La table des budgets n'a aucune ligne utilisable (champs {year} et {amount}).</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The budget table needs a year field and a budget field (found: {fields}).</source>
        <translation>La table des budgets doit avoir un champ année et un champ budget (trouvés : {fields}).</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The budgets are all 0 €: no site can be programmed.</source>
        <translation>Les budgets sont tous à 0 € : aucun site ne peut être programmé.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>The buildings' floor area (CNIG bati_surface): multiplies the price of premises.</source>
        <translation>La surface de plancher des bâtiments (CNIG bati_surface) : multiplie le prix des locaux.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>The candidate sites have no identifier field (site_id).</source>
        <translation>Les sites candidats n'ont pas de champ identifiant (site_id).</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The catchment layer needs the fields site_id and minutes (output of Catchment).</source>
        <translation>La couche des zones de chalandise doit avoir les champs site_id et minutes (sortie de l'algorithme Zone de chalandise).</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>The catchments have no minutes field: every polygon of a site is used.</source>
        <translation>Les zones de chalandise n'ont pas de champ minutes : tous les polygones d'un site sont utilisés.</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>The catchments have no site identifier field (site_id).</source>
        <translation>Les zones de chalandise n'ont pas de champ identifiant de site (site_id).</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>The catchments have no {minutes} min band (bands: {bands}).</source>
        <translation>Les zones de chalandise n'ont pas de tranche de {minutes} min (tranches : {bands}).</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>The Catchments output of Catchment run on the candidates (site_id, minutes).</source>
        <translation>La sortie « Zones de chalandise » de l'algorithme Zone de chalandise lancé sur les candidats (site_id, minutes).</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The centre of each commune (default: the town halls among the services).</source>
        <translation>Le centre de chaque commune (par défaut : les mairies parmi les services).</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>The changes could not be saved to the file.</source>
        <translation>Les modifications n'ont pas pu être enregistrées dans le fichier.</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>The changes could not be saved.</source>
        <translation>Les modifications n'ont pas pu être enregistrées.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The CNIG PERIMETRE_SCOT layer (or any SCOT outline with a name field).</source>
        <translation>La couche CNIG PERIMETRE_SCOT (ou tout contour de SCoT doté d'un champ nom).</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>The communes layer {layer} has no feature with {field} = {codes}.</source>
        <translation>La couche de communes {layer} n'a aucune entité avec {field} = {codes}.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>The communes layer {layer} has no {what} field ({fields}).</source>
        <translation>La couche de communes {layer} n'a pas de champ {what} ({fields}).</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>The connection to the database was lost while writing the inventory {where}: the database undid the whole transaction, nothing was saved ({error}).</source>
        <translation>La connexion à la base a été perdue pendant l'écriture de l'inventaire {where} : la base a annulé toute la transaction, rien n'a été enregistré ({error}).</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../processing/site_costs.py"/>
        <source>The cost table cannot be used: {error}</source>
        <translation>La table des coûts est inutilisable : {error}</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>The cost table has no rent for {uses}: no revenue for these uses.</source>
        <translation>La table des coûts n'a pas de loyer pour {uses} : pas de recette pour ces usages.</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>the data provider refused it</source>
        <translation>le fournisseur de données l'a refusée</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>The database refused the change to the inventory {where}: {error}</source>
        <translation>La base a refusé la modification de l'inventaire {where} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/history_io.py"/>
        <location filename="../processing/monitoring_io.py"/>
        <source>The date is not valid: {value}</source>
        <translation>La date n'est pas valide : {value}</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>The DVF file {path} cannot be read ({code}).</source>
        <translation>Le fichier DVF {path} ne peut pas être lu ({code}).</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>The DVF file {path} does not exist.</source>
        <translation>Le fichier DVF {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>The DVF file {path} has a header but no sale.</source>
        <translation>Le fichier DVF {path} a un en-tête mais aucune vente.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>The DVF file {path} is empty.</source>
        <translation>Le fichier DVF {path} est vide.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>The end date {end} is before the start date {start}.</source>
        <translation>La date de fin {end} est antérieure à la date de début {start}.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>The end time ({end}) must be after the start time ({start}).</source>
        <translation>L'heure de fin ({end}) doit être postérieure à l'heure de début ({start}).</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The export of {path} failed.</source>
        <translation>L'export de {path} a échoué.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>The export to {file} failed: {error}</source>
        <translation>L'export vers {file} a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The expression of '{param}' fails on site {site}: {error}</source>
        <translation>L'expression de « {param} » échoue sur le site {site} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The expression of '{param}' is not valid: {error}</source>
        <translation>L'expression de « {param} » n'est pas valide : {error}</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The expression of '{param}' uses fields the sites layer does not have: {fields}.</source>
        <translation>L'expression de « {param} » utilise des champs absents de la couche des sites : {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The extent {bbox} is not in longitude / latitude once reprojected: check the CRS of the sites.</source>
        <translation>Une fois reprojetée, l'emprise {bbox} n'est pas en longitude / latitude : vérifiez le SCR des sites.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>The feed has neither {file} nor {alternative}: one of them is required.</source>
        <translation>Le flux ne contient ni {file} ni {alternative} : l'un des deux est obligatoire.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>The feed has no {file}: it is required.</source>
        <translation>Le flux ne contient pas {file} : ce fichier est obligatoire.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>The file is not in UTF-8 as published: it was read as {encoding}. Check the accents of the names in the report.</source>
        <translation>Le fichier n'est pas en UTF-8 comme publié : il a été lu en {encoding}. Vérifiez les accents des noms dans le rapport.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>The file uses '{sep}' as separator (re-saved by a spreadsheet?).</source>
        <translation>Le fichier utilise « {sep} » comme séparateur (réenregistré par un tableur ?).</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>The first period is the one holding this date.</source>
        <translation>La première période est celle qui contient cette date.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The friches inventory (points or polygons) with its CNIG fields, e.g. the friches layer of Import inventory, or the output of another analysis run on it.</source>
        <translation>L'inventaire des friches (points ou polygones) avec ses champs CNIG, par ex. la couche friches produite par l'algorithme Importer un inventaire de friches, ou la sortie d'une autre analyse faite sur celle-ci.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>The friches inventory as it stood at a past date, rebuilt from its history.</source>
        <translation>L'inventaire des friches tel qu'il était à une date passée, reconstitué à partir de son historique.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>The friches inventory or any output of the other analyses (scored sites...).</source>
        <translation>L'inventaire des friches ou toute sortie des autres analyses (sites notés...).</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>The friches_emprises layer, for an inventory already imported (drawn in the atlas).</source>
        <translation>La couche friches_emprises, pour un inventaire déjà importé (dessinée dans l'atlas).</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>The geometry could not be reprojected: {error}</source>
        <translation>La géométrie n'a pas pu être reprojetée : {error}</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The GPU knows no commune with the INSEE code {insee}.</source>
        <translation>Le GPU ne connaît aucune commune de code INSEE {insee}.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The GPU layers to download.</source>
        <translation>Les couches du GPU à télécharger.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The GPU marks commune {insee} as under the RNU (no PLU nor carte communale): expect no zoning.</source>
        <translation>Le GPU indique que la commune {insee} relève du RNU (ni PLU ni carte communale) : aucun zonage n'est attendu.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>The grid would have {n} cells (more than {max}): choose larger cells or a smaller extent.</source>
        <translation>La grille compterait {n} carreaux (plus de {max}) : choisissez des carreaux plus grands ou une emprise plus petite.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>The GTFS feed {feed} cannot be read ({code}: {params}).</source>
        <translation>Le flux GTFS {feed} ne peut pas être lu ({code} : {params}).</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>The GTFS feed {title} listed by {service} is not a zip file ({url}).</source>
        <translation>Le flux GTFS {title} recensé par {service} n'est pas un fichier zip ({url}).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>The GTFS file {path} does not exist.</source>
        <translation>Le fichier GTFS {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../processing/history_io.py"/>
        <source>The history begins on {date}.</source>
        <translation>L'historique commence le {date}.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>The history begins on {start}, after {moment}: the sites present then are shown as they were when the history began.</source>
        <translation>L'historique commence le {start}, après le {moment} : les sites présents alors sont montrés tels qu'ils étaient au début de l'historique.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>the history trigger {trigger} is missing</source>
        <translation>le déclencheur d'historique {trigger} manque</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>The identifier links the point to its polygon; it cannot be changed here.</source>
        <translation>L'identifiant relie le point à son polygone ; il ne peut pas être modifié ici.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>The imported sites as points, with the CNIG fields and site_surface, surface_source, has_polygon, import_notes.</source>
        <translation>Les sites importés en points, avec les champs CNIG et site_surface, surface_source, has_polygon, import_notes.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>The input has no rows.</source>
        <translation>L'entrée ne contient aucune ligne.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>The INSEE Filosofi 200 m grid (GeoPackage, or CSV with idcar_200m): whole cells meeting the area, field names in lower case.</source>
        <translation>La grille Filosofi 200 m de l'INSEE (GeoPackage, ou CSV avec idcar_200m) : carreaux entiers touchant la zone, noms de champs en minuscules.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>The inventory is already imported (site_id): import skipped.</source>
        <translation>L'inventaire est déjà importé (site_id) : import ignoré.</translation>
    </message>
    <message>
        <location filename="../processing/history_io.py"/>
        <source>The inventory with its history: a .gpkg written by Import a friches inventory, a saved PostgreSQL connection with schema and table (connection='Équipe SIG' schema=inventaire table=friches), a PostgreSQL layer URI (dbname=… host=… authcfg=… table="inventaire"."friches" (geom)) or the name of a project layer showing one of them.</source>
        <translation>L'inventaire et son historique : un .gpkg écrit par Importer un inventaire de friches, une connexion PostgreSQL enregistrée avec son schéma et sa table (connection='Équipe SIG' schema=inventaire table=friches), une URI de couche PostgreSQL (dbname=… host=… authcfg=… table="inventaire"."friches" (geom)) ou le nom d'une couche du projet qui montre l'un d'eux.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>The inventory {where} does not exist.</source>
        <translation>L'inventaire {where} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>The inventory {where} exists with another structure; the plugin does not alter it. {details}. Choose another table (or GeoPackage), or convert these columns yourself.</source>
        <translation>L'inventaire {where} existe avec une autre structure ; l'extension ne le modifie pas. {details}. Choisissez une autre table (ou un autre GeoPackage), ou convertissez vous-même ces colonnes.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_store.py"/>
        <source>The inventory {where} is being written by someone else right now (a site is locked): nothing was saved. Try again in a moment.</source>
        <translation>L'inventaire {where} est en cours d'écriture par quelqu'un d'autre (un site est verrouillé) : rien n'a été enregistré. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>The inventory's version was kept: edited on {date}, after this row's site_actu_date ({incoming})</source>
        <translation>La version de l'inventaire est gardée : modifiée le {date}, après le site_actu_date de cette ligne ({incoming})</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>The largest radius ({max} m) is smaller than the first radius ({first} m).</source>
        <translation>Le plus grand rayon ({max} m) est plus petit que le premier rayon ({first} m).</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>The last period is the one holding this date; empty: today.</source>
        <translation>La dernière période est celle qui contient cette date ; vide : aujourd'hui.</translation>
    </message>
    <message>
        <location filename="../processing/base.py"/>
        <source>The layer '{layer}' has no coordinate reference system (CRS): its coordinates are read as {crs}. If they are in another CRS, set it in the layer's properties (Source › Assigned CRS) and run again.</source>
        <translation>La couche « {layer} » n'a pas de système de coordonnées (SCR) : ses coordonnées sont lues en {crs}. Si elles sont dans un autre SCR, indiquez-le dans les propriétés de la couche (Source › SCR attribué) et relancez.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The layer '{layer}' has no {field} field, required by the CNIG standard. Fields found: {fields}.</source>
        <translation>La couche « {layer} » n'a pas de champ {field}, obligatoire dans le standard CNIG. Champs trouvés : {fields}.</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>The layer cannot be edited.</source>
        <translation>La couche n'est pas modifiable.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>The layer “{layer}” has no score fields (score_coworking, score_fablab, score_mediation): run “Score candidate sites” on it first.</source>
        <translation>La couche « {layer} » n'a pas de champs de score (score_coworking, score_fablab, score_mediation) : lancez d'abord « Noter les sites candidats » sur cette couche.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>The layer “{layer}” has no score_details: its scores are shown as they are, weights cannot change them.</source>
        <translation>La couche « {layer} » n'a pas de champ score_details : ses scores sont affichés tels quels, les pondérations ne peuvent pas les modifier.</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>The layer “{layer}” is not a friches inventory: it lacks the field(s) {fields} of the CNIG friches standard. Import the file with “Import a friches inventory…” or choose another layer.</source>
        <translation>La couche « {layer} » n'est pas un inventaire de friches : il lui manque le ou les champs {fields} du standard CNIG Friches. Importez le fichier avec « Importer un inventaire de friches… » ou choisissez une autre couche.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The layout template has no map item with the id main_map.</source>
        <translation>Le modèle de mise en page n'a aucun objet carte d'identifiant main_map.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The layout template {path} is not valid XML.</source>
        <translation>Le modèle de mise en page {path} n'est pas un XML valide.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The mandatory site {id} cannot be phased: its acquisition ({acq}) and then its works ({works}) {delay} year(s) later fit no pair of years of the horizon {first}–{last}.</source>
        <translation>Le site imposé {id} ne peut pas être phasé : son acquisition ({acq}) puis ses travaux ({works}) {delay} an(s) plus tard ne tiennent dans aucune paire d'années de l'horizon {first}–{last}.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The mandatory site {id} has no known cost ({why}): give its price (Land prices) or a cost field.</source>
        <translation>Le site imposé {id} n'a pas de coût connu ({why}) : donnez son prix (Prix du foncier) ou un champ de coût.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The mandatory site {id} has no use to programme (best_use is empty): choose the use.</source>
        <translation>Le site imposé {id} n'a pas d'usage à programmer (best_use est vide) : choisissez l'usage.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The mandatory site {id} is above the budget: acquisition {acq} and works {works} for {which} of {limit}. Raise the budget, allow carry-over, or remove it from the mandatory sites.</source>
        <translation>Le site imposé {id} dépasse le budget : acquisition {acq} et travaux {works} pour {which} de {limit}. Augmentez le budget, autorisez le report ou retirez-le des sites imposés.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The mandatory sites {ids} do not fit together: they cost {total} in all for a budget of {budget} over the horizon, with works at the earliest {delay} year(s) after each acquisition. Raise the budgets, lengthen the horizon, allow carry-over, or make fewer sites mandatory.</source>
        <translation>Les sites imposés {ids} ne tiennent pas ensemble : ils coûtent {total} en tout pour un budget de {budget} sur l'horizon, avec des travaux au plus tôt {delay} an(s) après chaque acquisition. Augmentez les budgets, allongez l'horizon, autorisez le report ou imposez moins de sites.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>The moment to look at; a date alone means the end of that day.</source>
        <translation>Le moment à examiner ; une date seule désigne la fin de ce jour.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>The national Cartofriches export or any CNIG friches file: the sites in the area are imported with friches:import_inventory.</source>
        <translation>L'export national de Cartofriches ou tout fichier de friches CNIG : les sites de la zone sont importés avec friches:import_inventory.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>The network's CRS ({crs}) is not projected in metres: the analysis runs in {chosen}.</source>
        <translation>Le SCR du réseau ({crs}) n'est pas projeté en mètres : l'analyse est faite en {chosen}.</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>The new values could not be written to the layer.</source>
        <translation>Les nouvelles valeurs n'ont pas pu être écrites dans la couche.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>The outlines of the sites that have one (site_id, site_nom, site_surface).</source>
        <translation>Les emprises des sites qui en ont une (site_id, site_nom, site_surface).</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The output of Land prices run on the scored sites (price_estimate_eur, best_use, scores, candidates, CNIG fields).</source>
        <translation>La sortie de Prix du foncier lancé sur les sites notés (price_estimate_eur, best_use, scores, candidats, champs CNIG).</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The PDF printer failed on {path}.</source>
        <translation>L'impression PDF a échoué pour {path}.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>The places have no opening date field ({fields}): they count as open all along.</source>
        <translation>Les lieux n'ont pas de champ de date d'ouverture ({fields}) : ils comptent comme ouverts sur toute la période.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>The PLU layer {layer} is none of {roles}: name the file or the layer after its CNIG table (e.g. 41175_ZONE_URBA_20140603.shp).</source>
        <translation>La couche de PLU {layer} n'est aucune de {roles} : nommez le fichier ou la couche d'après sa table CNIG (p. ex. 41175_ZONE_URBA_20140603.shp).</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>The point is {distance} m from the site's polygon: the polygon's point on surface is used</source>
        <translation>Le point est à {distance} m du polygone du site : le point intérieur du polygone est utilisé</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>The polygon is invalid and could not be repaired ({reason})</source>
        <translation>Le polygone est invalide et n'a pas pu être réparé ({reason})</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>The polygon was invalid ({reason})</source>
        <translation>Le polygone était invalide ({reason})</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>The population grid has no population field (ind).</source>
        <translation>La grille de population n'a pas de champ de population (ind).</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>The population layer has no field '{field}': choose the field holding the number of people.</source>
        <translation>La couche de population n'a pas de champ « {field} » : choisissez le champ contenant le nombre d'habitants.</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>The population objective needs the catchments and the population grid, or a population field of the sites (new_pop_15min of Coverage gaps).</source>
        <translation>L'objectif de population demande les zones de chalandise et la grille de population, ou un champ de population des sites (new_pop_15min de Zones non couvertes).</translation>
    </message>
    <message>
        <location filename="../processing/inventory_merge.py"/>
        <source>The PostgreSQL URI names no table: {text}</source>
        <translation>L'URI PostgreSQL ne désigne aucune table : {text}</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>The prepared territory {path} has no {layer} layer with features.</source>
        <translation>Le territoire préparé {path} n'a pas de couche {layer} avec des entités.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The purchase price (Land prices' price_estimate_eur); fees of the cost table added.</source>
        <translation>Le prix d'achat (price_estimate_eur de Prix du foncier) ; les frais de la table des coûts s'y ajoutent.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>The radius doubles from the first radius up to this one while there are too few sales.</source>
        <translation>Le rayon double à partir du premier rayon jusqu'à celui-ci tant qu'il y a trop peu de ventes.</translation>
    </message>
    <message>
        <location filename="../processing/network_build.py"/>
        <source>The road network '{layer}' has no field '{field}', which the {schema} schema needs: choose the schema of the layer (or the generic one), or a layer with this field.</source>
        <translation>Le réseau routier « {layer} » n'a pas de champ '{field}', dont le schéma {schema} a besoin : choisissez le schéma de la couche (ou le schéma générique), ou une couche qui a ce champ.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>The road network has no line geometry.</source>
        <translation>Le réseau routier n'a aucune géométrie linéaire.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The rules table {path} cannot be read: {error}</source>
        <translation>La table de règles {path} ne peut pas être lue : {error}</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The rules table {path} does not exist.</source>
        <translation>La table de règles {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The rules table {path} has no rules.</source>
        <translation>La table de règles {path} ne contient aucune règle.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The rules table {path} lacks the column(s) {columns}.</source>
        <translation>Il manque à la table de règles {path} la ou les colonnes {columns}.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The same budget every year of the horizon.</source>
        <translation>Le même budget chaque année de l'horizon.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>the same sale already listed under another id_mutation</source>
        <translation>la même vente déjà listée sous un autre id_mutation</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The scoring profile cannot be used: {error}</source>
        <translation>Le profil de notation est inutilisable : {error}</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>The SCOT covering the sites.</source>
        <translation>Le SCoT couvrant les sites.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>The selected site {site} is no longer in the candidates layer: it changed while it was read.</source>
        <translation>Le site choisi {site} n'est plus dans la couche des candidats : elle a changé pendant sa lecture.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>The service day analysed. Empty: a representative weekday inside the feed's validity, written in the log.</source>
        <translation>Le jour de service analysé. Vide : un jour de semaine représentatif dans la période de validité du flux, indiqué dans le journal.</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>The service {service} at {url} ignores STARTINDEX: it cannot be paged past the first page. Check its address.</source>
        <translation>Le service {service} à {url} ignore STARTINDEX : impossible d'aller au-delà de la première page. Vérifiez son adresse.</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>The service {service} could not answer {url}: {detail}</source>
        <translation>Le service {service} n'a pas pu répondre à {url} : {detail}</translation>
    </message>
    <message>
        <location filename="../processing/web_request.py"/>
        <source>The service {service} did not answer within {timeout} s ({attempts} attempt(s)): {url}. It may be overloaded or down: try again later, or raise the time-out.</source>
        <translation>Le service {service} n'a pas répondu en {timeout} s ({attempts} tentative(s)) : {url}. Il est peut-être surchargé ou arrêté : réessayez plus tard, ou allongez le délai d'attente.</translation>
    </message>
    <message>
        <location filename="../processing/web_request.py"/>
        <source>The service {service} failed (HTTP {status}) for {url} after {attempts} attempt(s): {detail}. It may be down or overloaded: try again later.</source>
        <translation>Le service {service} a échoué (HTTP {status}) pour {url} après {attempts} tentative(s) : {detail}. Il est peut-être arrêté ou surchargé : réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>The service {service} keeps sending pages for {url}: its paging does not end. Check its address.</source>
        <translation>Le service {service} envoie des pages sans fin pour {url} : sa pagination ne s'arrête pas. Vérifiez son adresse.</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>The service {service} knows no commune with the INSEE code {code} ({url}).</source>
        <translation>Le service {service} ne connaît aucune commune de code INSEE {code} ({url}).</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>The service {service} knows no EPCI with the SIREN code {code} ({url}).</source>
        <translation>Le service {service} ne connaît aucun EPCI de code SIREN {code} ({url}).</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>The service {service} lists no commune in the EPCI {code} ({url}).</source>
        <translation>Le service {service} ne liste aucune commune dans l'EPCI {code} ({url}).</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>The service {service} refused the request (HTTP {status}) {url}</source>
        <translation>Le service {service} a refusé la requête (HTTP {status}) {url}</translation>
    </message>
    <message>
        <location filename="../processing/web_request.py"/>
        <source>The service {service} refused the request (HTTP {status}) {url}: {detail}</source>
        <translation>Le service {service} a refusé la requête (HTTP {status}) {url} : {detail}</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The service's address (another instance or a test server).</source>
        <translation>L'adresse du service (une autre instance ou un serveur de test).</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>The service's address (another instance, a mirror or a test server).</source>
        <translation>L'adresse du service (une autre instance, un miroir ou un serveur de test).</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>The site (longitude {lon}, latitude {lat}) is outside France: check the CRS</source>
        <translation>Le site (longitude {lon}, latitude {lat}) est hors de France : vérifiez le SCR</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>The site could not be written to {output}: {error}</source>
        <translation>Le site n'a pas pu être écrit dans {output} : {error}</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>The site is no longer in the inventory: it was deleted.</source>
        <translation>Le site n'est plus dans l'inventaire : il a été supprimé.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>The site's area (CNIG site_surface); the polygon's area when empty.</source>
        <translation>La surface du site (CNIG site_surface) ; la surface du polygone si vide.</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>The site's commune first, then around the site</source>
        <translation>La commune du site d'abord, puis autour du site</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The sites (points or polygons), e.g. the inventory's friches or friches_emprises.</source>
        <translation>Les sites (points ou polygones), par ex. les couches friches ou friches_emprises de l'inventaire.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The sites are in degrees ({crs}): areas are measured in {work}.</source>
        <translation>Les sites sont en degrés ({crs}) : les surfaces sont mesurées en {work}.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The sites have no best_use field: choose the use to programme (the cost table prices a use).</source>
        <translation>Les sites n'ont pas de champ best_use : choisissez l'usage à programmer (la table des coûts chiffre un usage).</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>The sites have no commune field: the comparable sales are searched around each site only.</source>
        <translation>Les sites n'ont pas de champ commune : les ventes comparables sont cherchées autour de chaque site seulement.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The sites have no purchase price field ({field}): run Land prices on them first, or give a total cost field.</source>
        <translation>Les sites n'ont pas de champ de prix d'achat ({field}) : lancez d'abord Prix du foncier sur eux, ou donnez un champ de coût total.</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>The sites have no score field (score_&lt;use&gt; or best_score): run Score candidate sites first.</source>
        <translation>Les sites n'ont pas de champ de score (score_&lt;use&gt; ou best_score) : lancez d'abord Noter les sites candidats.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The sites layer '{layer}' has no geometry: import it with friches:import_inventory first.</source>
        <translation>La couche des sites « {layer} » n'a pas de géométrie : importez-la d'abord avec friches:import_inventory.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>The sites layer has no geometry to take an extent from.</source>
        <translation>La couche des sites n'a aucune géométrie dont tirer une emprise.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The sites layer has no site_id field: give the output of Import inventory, Score candidates or Select sites.</source>
        <translation>La couche des sites n'a pas de champ site_id : indiquez la sortie de l'un des algorithmes « Importer un inventaire de friches », « Noter les sites candidats » ou « Sélectionner les sites ».</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The sites output of Transit coverage: nearest_stop_m, ptal, dep_500m_h.</source>
        <translation>La sortie des sites de l'algorithme Desserte en transports en commun : nearest_stop_m, ptal, dep_500m_h.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The sites output of Zoning overlay: compat_coworking, compat_fablab, compat_mediation, zone_libelle.</source>
        <translation>La sortie des sites de l'algorithme Croisement avec le zonage : compat_coworking, compat_fablab, compat_mediation, zone_libelle.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>The sites with nearest_stop, nearest_stop_id, nearest_stop_m, nearest_stop_method, dep_500m_h, ptal_ai, ptal, oev_class.</source>
        <translation>Les sites avec nearest_stop, nearest_stop_id, nearest_stop_m, nearest_stop_method, dep_500m_h, ptal_ai, ptal, oev_class.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The sites with their fields and the score fields listed above.</source>
        <translation>Les sites avec leurs champs et les champs de score décrits ci-dessus.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The sites with their fields and the zoning fields listed above.</source>
        <translation>Les sites avec leurs champs et les champs de zonage décrits ci-dessus.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The sites with their scores (output of Score candidates or Select sites): one page per site; fields site_id, site_nom, score_coworking, score_fablab, score_mediation, explanation_fr/explanation_en...</source>
        <translation>Les sites avec leurs scores (sortie de l'algorithme « Noter les sites candidats » ou « Sélectionner les sites ») : une page par site ; champs site_id, site_nom, score_coworking, score_fablab, score_mediation, explanation_fr/explanation_en...</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The solver failed: {error}</source>
        <translation>Le solveur a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>The table {table} of {path} was not written.</source>
        <translation>La table {table} de {path} n'a pas été écrite.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>The target of {target} people is not reached with these candidates.</source>
        <translation>La cible de {target} habitants n'est pas atteinte avec ces candidats.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>The territory has no polygon to build an area from.</source>
        <translation>Le territoire n'a aucun polygone à partir duquel construire une zone.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>The territory layer has no polygon.</source>
        <translation>La couche du territoire n'a aucun polygone.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The tiers-lieux layer has no kind field: every place counts for every use.</source>
        <translation>La couche des tiers-lieux n'a pas de champ type : chaque lieu compte pour chaque usage.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>The time limit stopped the solver: the programme is at most {gap} % below the optimum.</source>
        <translation>La limite de temps a arrêté le solveur : le programme est au plus {gap} % sous l'optimum.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>The use the sites are ranked for</source>
        <translation>L'usage pour lequel les sites sont classés</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>The walking network has no line with two points or more.</source>
        <translation>Le réseau piéton n'a aucune ligne d'au moins deux points.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>The walking network has no lines: straight-line distances are used.</source>
        <translation>Le réseau piéton n'a aucune ligne : les distances à vol d'oiseau sont utilisées.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>The zip file {path} holds no CSV file.</source>
        <translation>Le fichier zip {path} ne contient aucun fichier CSV.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The zones as used: valid geometries in the working CRS, with zone_family, zone_type and geom_repaired; styled with the CNIG colours.</source>
        <translation>Les zones telles qu'utilisées : géométries valides dans le SCR de travail, avec zone_family, zone_type et geom_repaired ; symbolisées avec les couleurs CNIG.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The zones layer '{layer}' has no LIBELLE field, required by the CNIG ZONE_URBA standard. Fields found: {fields}.</source>
        <translation>La couche de zones « {layer} » n'a pas de champ LIBELLE, obligatoire dans le standard CNIG ZONE_URBA. Champs trouvés : {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>The zones layer '{layer}' has no TYPEZONE field (CNIG ZONE_URBA) nor TYPESECT field (carte communale SECTEUR_CC). Fields found: {fields}.</source>
        <translation>La couche de zones « {layer} » n'a ni champ TYPEZONE (ZONE_URBA CNIG) ni champ TYPESECT (SECTEUR_CC de carte communale). Champs trouvés : {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The {layer} layer has no site_id field: it is ignored.</source>
        <translation>La couche « {layer} » n'a pas de champ site_id : elle est ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>The {layer} layer is ignored: the sites have no identifier.</source>
        <translation>La couche « {layer} » est ignorée : les sites n'ont pas d'identifiant.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_merge.py"/>
        <source>There is no saved PostgreSQL connection named “{name}” (known: {known}).</source>
        <translation>Il n'y a pas de connexion PostgreSQL enregistrée nommée « {name} » (connues : {known}).</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>They are kept in the layer's edit buffer (the layer stays in edit mode): fix the problem and click Save again, or save or discard the layer's edits in QGIS.</source>
        <translation>Elles sont conservées dans le tampon d'édition de la couche (la couche reste en mode édition) : corrigez le problème et cliquez à nouveau sur Enregistrer, ou enregistrez ou annulez les modifications de la couche dans QGIS.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_merge.py"/>
        <source>This QGIS has no PostgreSQL provider.</source>
        <translation>Ce QGIS n'a pas de fournisseur PostgreSQL.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Thursday</source>
        <translation>jeudi</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>tiers-lieux</source>
        <translation>tiers-lieux</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Tile size (degrees)</source>
        <translation>Taille des tuiles (degrés)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Time limit of the solver (seconds)</source>
        <translation>Limite de temps du solveur (secondes)</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <location filename="../processing/prepare_territory.py"/>
        <source>Time-out per request (s)</source>
        <translation>Délai d'attente par requête (s)</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/full_analysis.py"/>
        <source>Title in the page header</source>
        <translation>Titre de l'en-tête de page</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Title of the documents</source>
        <translation>Titre des documents</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>To (date)</source>
        <translation>Au (date)</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Town hall or centre</source>
        <translation>Mairie ou centre-bourg</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>town halls</source>
        <translation>mairies</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <location filename="../processing/transit_service.py"/>
        <source>transit</source>
        <translation>transports en commun</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/transit_coverage.py"/>
        <location filename="../processing/transit_service.py"/>
        <source>Transit coverage</source>
        <translation>Desserte en transports en commun</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>transit coverage</source>
        <translation>desserte en transports en commun</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>transit coverage (PTAL, ÖV classes)</source>
        <translation>desserte en transports en commun (PTAL, classes ÖV)</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Transit coverage (sites)</source>
        <translation>Desserte en transports en commun (sites)</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Transit coverage grid</source>
        <translation>Grille de desserte en transports en commun</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Transit coverage of sites and territory (PTAL, ÖV classes)</source>
        <translation>Desserte en transports en commun des sites et du territoire (PTAL, classes ÖV)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Transit service</source>
        <translation>Offre de transport</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>transit service and coverage skipped.</source>
        <translation>desserte et couverture en transports en commun ignorées.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>transit service per stop</source>
        <translation>offre de transport par arrêt</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Transit service per stop (GTFS)</source>
        <translation>Offre de transport par arrêt (GTFS)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/full_analysis.py"/>
        <source>Transit stops</source>
        <translation>Arrêts de transport en commun</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>transport.data.gouv.fr API address</source>
        <translation>Adresse de l'API transport.data.gouv.fr</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>transport.data.gouv.fr datasets to add (ids)</source>
        <translation>Jeux de données transport.data.gouv.fr à ajouter (identifiants)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>transport.data.gouv.fr lists feeds by commune and EPCI: give the territory as INSEE codes or an EPCI SIREN code (or a layer with an INSEE code field).</source>
        <translation>transport.data.gouv.fr recense les flux par commune et par EPCI : indiquez le territoire par des codes INSEE ou le code SIREN d'un EPCI (ou une couche avec un champ de code INSEE).</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Travel mode</source>
        <translation>Mode de déplacement</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Travel time (minutes)</source>
        <translation>Temps de parcours (minutes)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <location filename="../processing/select_sites.py"/>
        <source>Travel time band (minutes)</source>
        <translation>Tranche de temps de parcours (minutes)</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Travel time to a place (minutes)</source>
        <translation>Temps de trajet jusqu'à un lieu (minutes)</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Travel times (minutes, comma-separated)</source>
        <translation>Temps de parcours (minutes, séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Travel times must be positive numbers of minutes separated by commas, e.g. 5,10,15 (got '{value}').</source>
        <translation>Les temps de parcours doivent être des nombres de minutes positifs séparés par des virgules, par ex. 5,10,15 (valeur reçue : « {value} »).</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>Trips: {kept} of {trips} kept (those calling in the area). Stops: {inside} in the area, {stops} kept of {total} (with the timepoints next to the area and parent stations). Stop times: {st} of {st_total}.</source>
        <translation>Courses : {kept} gardées sur {trips} (celles qui desservent la zone). Arrêts : {inside} dans la zone, {stops} gardés sur {total} (avec les points horaires voisins de la zone et les stations parentes). Horaires de passage : {st} sur {st_total}.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Tuesday</source>
        <translation>mardi</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Tying the sites to the network…</source>
        <translation>Raccordement des sites au réseau…</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <location filename="../ui/inventory_model.py"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Type of site (site_type)</source>
        <translation>Type de site (site_type)</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>unite_fonciere_surface was empty: set to the polygon's area ({new} m²)</source>
        <translation>unite_fonciere_surface était vide : prend l'aire du polygone ({new} m²)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py"/>
        <source>Unknown area</source>
        <translation>Surface inconnue</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>Unknown error.</source>
        <translation>Erreur inconnue.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Unknown network schema '{schema}'.</source>
        <translation>Schéma de réseau inconnu : « {schema} ».</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Unknown site identifier(s) among the mandatory or excluded sites: {ids}.</source>
        <translation>Identifiant(s) de site inconnu(s) parmi les sites imposés ou écartés : {ids}.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Unknown travel mode '{mode}'.</source>
        <translation>Mode de déplacement inconnu : « {mode} ».</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>unreadable date</source>
        <translation>date illisible</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>unreadable line (wrong number of columns)</source>
        <translation>ligne illisible (mauvais nombre de colonnes)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Unspent budget carries over to the next year</source>
        <translation>Le budget non dépensé est reporté sur l'année suivante</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Use</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Use programmed</source>
        <translation>Usage programmé</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>Used by the area 'the site's commune'.</source>
        <translation>Utilisé par la zone « la commune du site ».</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Used to name sites in warnings; by default site_nom, nom or name when present.</source>
        <translation>Sert à nommer les sites dans les avertissements ; par défaut site_nom, nom ou name s'ils existent.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>Used when neither an INSEE code nor sites are given.</source>
        <translation>Utilisée si ni code INSEE ni sites ne sont indiqués.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>value filled in</source>
        <translation>valeur complétée</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>value normalised</source>
        <translation>valeur normalisée</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>value replaced by 'inconnu'</source>
        <translation>valeur remplacée par « inconnu »</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>value set to NULL</source>
        <translation>valeur mise à NULL</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <location filename="../processing/score_candidates.py"/>
        <source>Walk</source>
        <translation>Marche</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Walk: 4.8 km/h, one-way streets ignored, no motorways or trunk roads. Bike: 15 km/h (walking pace on footways and steps), one-way streets followed unless open to bikes, no motorways. Car: one-way streets followed, no footways, paths, steps or cycleways; speed from maxspeed or vitesse_moyenne_vl, else from the road class. Free-flow times: no congestion, no turn or crossing delays.</source>
        <translation>Marche : 4,8 km/h, sens uniques ignorés, ni autoroutes ni voies rapides. Vélo : 15 km/h (allure de marche sur les voies piétonnes et les escaliers), sens uniques respectés sauf s'ils sont ouverts aux vélos, pas d'autoroutes. Voiture : sens uniques respectés, ni voies piétonnes, chemins, escaliers ou pistes cyclables ; vitesse issue de maxspeed ou de vitesse_moyenne_vl, sinon de la classe de la route. Temps en circulation fluide : ni congestion, ni temps perdu aux virages ou aux carrefours.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Walking catchments</source>
        <translation>Zones de chalandise à pied</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>walking catchments and population reached</source>
        <translation>zones de chalandise à pied et population atteinte</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Walking network (lines)</source>
        <translation>Réseau piéton (lignes)</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>Walking network: {n} lines.</source>
        <translation>Réseau piéton : {n} lignes.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Walking times (minutes, comma-separated)</source>
        <translation>Temps de marche (minutes, séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Walking times must be numbers of minutes separated by commas, e.g. 5,10,15 (got '{value}').</source>
        <translation>Les temps de marche doivent être des nombres de minutes séparés par des virgules, par ex. 5,10,15 (valeur reçue : « {value} »).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>Wednesday</source>
        <translation>mercredi</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Weight of the population (both)</source>
        <translation>Poids de la population (les deux)</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Weight {weight} of {total}</source>
        <translation>Poids {weight} sur {total}</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Weights</source>
        <translation>Pondérations</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>When reached, the best programme found is kept and the gap says how far from the optimum it can be. The explanations of the left-out sites get 40 % more.</source>
        <translation>Une fois atteinte, le meilleur programme trouvé est gardé et l'écart dit de combien il peut être sous l'optimum. Les explications des sites écartés ont 40 % de temps en plus.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Which sites to acquire and convert in which year, within each year's budget, to serve the most people: solved exactly, with the reason each good site is left out.</source>
        <translation>Quels sites acquérir et reconvertir quelle année, dans le budget de chaque année, pour servir le plus d'habitants : résolu exactement, avec la raison pour laquelle chaque bon site est écarté.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>Width around the reached roads (m)</source>
        <translation>Largeur autour des routes atteintes (m)</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>with a project</source>
        <translation>avec projet</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>With a total cost field: the part paid the year of the acquisition (0 when empty), the rest the year of the works.</source>
        <translation>Avec un champ de coût total : la part payée l'année de l'acquisition (0 si vide), le reste l'année des travaux.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>With the population grid: people are counted once however many sites reach them.</source>
        <translation>Avec la grille de population : les habitants sont comptés une fois, quel que soit le nombre de sites qui les touchent.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Without catchments and grid: each site's new population (Coverage gaps); people reached by two sites then count twice.</source>
        <translation>Sans zones de chalandise ni grille : la nouvelle population de chaque site (Zones non couvertes) ; les habitants touchés par deux sites comptent alors deux fois.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>WKT / coordinate columns read in EPSG:2154 (Lambert-93): the coordinates are not degrees. Set the source CRS if they are in another CRS.</source>
        <translation>Colonnes WKT / de coordonnées lues en EPSG:2154 (Lambert-93) : les coordonnées ne sont pas des degrés. Indiquez le SCR source si elles sont dans un autre SCR.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>WKT / coordinate columns read in EPSG:4326: the coordinates look like degrees.</source>
        <translation>Colonnes WKT / de coordonnées lues en EPSG:4326 : les coordonnées ressemblent à des degrés.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>WKT / coordinate columns read in {crs} (parameter).</source>
        <translation>Colonnes WKT / de coordonnées lues en {crs} (paramètre).</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>works</source>
        <translation>travaux</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>Writing the catchments…</source>
        <translation>Écriture des zones de chalandise…</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>Writing the results…</source>
        <translation>Écriture des résultats…</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_report.py"/>
        <source>Writing {n} pages to {path}…</source>
        <translation>Écriture de {n} pages dans {path}…</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>written as its point on surface (another geometry type than the output's)</source>
        <translation>écrites par leur point intérieur (autre type de géométrie que celui de la sortie)</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>Written only when needed: one line per feature whose geometry could not be written as read (a layer mixing points, lines and polygons), with its site, row and what was done.</source>
        <translation>Écrit seulement si besoin : une ligne par entité dont la géométrie n'a pas pu être écrite telle quelle (couche mêlant points, lignes et polygones), avec son site, sa ligne et ce qui a été fait.</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>written without geometry: none of its parts is of the output's geometry type</source>
        <translation>écrites sans géométrie : aucune de leurs parties n'est du type de géométrie de la sortie</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Written: {path}</source>
        <translation>Écrit : {path}</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>XLSX…</source>
        <translation>XLSX…</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Year field of the budgets</source>
        <translation>Champ de l'année (table des budgets)</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>Years between acquisition and works</source>
        <translation>Années entre l'acquisition et les travaux</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Zone shares, prescriptions and SCOT of each site, and whether coworking, fablab and digital-inclusion uses fit there.</source>
        <translation>Parts de zones, prescriptions et SCoT de chaque site, et compatibilité des usages coworking, fablab et médiation numérique.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>ZONE_URBA, SECTEUR_CC, PRESCRIPTION_SURF / LIN / PCT, INFO_SURF / LIN / PCT of one or more documents, recognised by their file or layer name.</source>
        <translation>ZONE_URBA, SECTEUR_CC, PRESCRIPTION_SURF / LIN / PCT, INFO_SURF / LIN / PCT d'un ou plusieurs documents, reconnus par le nom de leur fichier ou de leur couche.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>zone_urba: PLU / PLUi zones</source>
        <translation>zone_urba : zones des PLU / PLUi</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Zones (repaired)</source>
        <translation>Zones (réparées)</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Zones read</source>
        <translation>Zones lues</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Zones read as {kind}.</source>
        <translation>Zones lues comme {kind}.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Zones reprojected from {source} to {dest}.</source>
        <translation>Zones reprojetées de {source} vers {dest}.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/load_gpu.py"/>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Zoning</source>
        <translation>Zonage</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>zoning</source>
        <translation>zonage</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Zoning (ZONE_URBA or SECTEUR_CC)</source>
        <translation>Zonage (ZONE_URBA ou SECTEUR_CC)</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>Zoning overlay</source>
        <translation>Croisement avec le zonage</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <location filename="../processing/score_candidates.py"/>
        <source>zoning overlay</source>
        <translation>croisement avec le zonage</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>Zoning overlay (PLU, carte communale, SCOT)</source>
        <translation>Croisement avec le zonage (PLU, carte communale, SCoT)</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>Zoning overlay (sites)</source>
        <translation>Croisement avec le zonage (sites)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>zoning overlay skipped.</source>
        <translation>croisement avec le zonage ignoré.</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>Zoom the map to the friches listed (or to the selected ones)</source>
        <translation>Zoomer la carte sur les friches listées (ou sur celles qui sont sélectionnées)</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>Zoom the map to the sites listed (or to the selected ones)</source>
        <translation>Zoomer la carte sur les sites listés (ou sur ceux qui sont sélectionnés)</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <location filename="../ui/inventory_dock.py"/>
        <source>Zoom to list</source>
        <translation>Zoomer sur la liste</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>{costed} of {n} site(s) have a total cost (the others have no purchase price).</source>
        <translation>{costed} site(s) sur {n} ont un coût total (les autres n'ont pas de prix d'achat).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py"/>
        <source>{covered} of {total} people ({pct} %) live within {minutes} min {mode} of an existing place; {uncovered} do not.</source>
        <translation>{covered} personnes sur {total} ({pct} %) habitent à moins de {minutes} min {mode} d'un lieu existant ; {uncovered} non.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>{date}: {peak} departures in the peak window {ps}-{pe}, {day} in the day window {ds}-{de}.</source>
        <translation>{date} : {peak} départs dans la période de pointe {ps}-{pe}, {day} dans la période de jour {ds}-{de}.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{deps} departures at {stops} stops between {start} and {end}.</source>
        <translation>{deps} départs à {stops} arrêts entre {start} et {end}.</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field} is not valid WKT ({error})</source>
        <translation>{field} n'est pas un WKT valide ({error})</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field} is required by the standard but empty</source>
        <translation>{field} est obligatoire dans le standard mais vide</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field} was written latitude first ({lat} {lon}): axes swapped to longitude, latitude</source>
        <translation>{field} était écrit latitude d'abord ({lat} {lon}) : axes inversés en longitude, latitude</translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py"/>
        <source>{field} · right-click to show or hide columns</source>
        <translation>{field} · clic droit pour afficher ou masquer des colonnes</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: '{value}' completed with a leading zero: '{new}'</source>
        <translation>{field} : « {value} » complété d'un zéro initial : « {new} »</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: '{value}' does not follow the standard's format</source>
        <translation>{field} : « {value} » ne respecte pas le format du standard</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: '{value}' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)</source>
        <translation>{field} : « {value} » n'est pas une date (attendu AAAA-MM-JJ ou JJ/MM/AAAA)</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: '{value}' is not a whole number</source>
        <translation>{field} : « {value} » n'est pas un nombre entier</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: '{value}' is not a year</source>
        <translation>{field} : « {value} » n'est pas une année</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: '{value}' is not in the standard's list of values</source>
        <translation>{field} : « {value} » n'est pas dans la liste de valeurs du standard</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: '{value}' rewritten as '{new}' (the standard's format)</source>
        <translation>{field} : « {value} » réécrit « {new} » (format du standard)</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: '{value}' rounded to {new}</source>
        <translation>{field} : « {value} » arrondi à {new}</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: '{value}' written with the standard's spelling '{new}'</source>
        <translation>{field} : « {value} » écrit avec l'orthographe du standard « {new} »</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: a coordinate is not a finite number (NaN or infinite): the geometry is ignored</source>
        <translation>{field} : une coordonnée n'est pas un nombre fini (NaN ou infini) : la géométrie est ignorée</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: a {type} geometry is neither a point nor a polygon</source>
        <translation>{field} : une géométrie {type} n'est ni un point ni un polygone</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: legacy code '{value}' replaced by '{new}'</source>
        <translation>{field} : ancien code « {value} » remplacé par « {new} »</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: several points, their centroid is used</source>
        <translation>{field} : plusieurs points, leur centroïde est utilisé</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>{field}: {value} is outside the range of whole numbers ({min} to {max})</source>
        <translation>{field} : {value} sort de la plage des nombres entiers ({min} à {max})</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>{file} already exists. Replace it?</source>
        <translation>{file} existe déjà. Voulez-vous le remplacer ?</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{file} holds another zip ({inner}) instead of the feed's .txt files: unzip it once and give the inner zip.</source>
        <translation>{file} contient un autre zip ({inner}) au lieu des fichiers .txt du flux : décompressez-le une fois et donnez le zip intérieur.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{file} is not UTF-8: read as windows-1252.</source>
        <translation>{file} n'est pas en UTF-8 : lu en windows-1252.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{file} is not UTF-8: read as {encoding}.</source>
        <translation>{file} n'est pas en UTF-8 : lu en {encoding}.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{file}, row {row}: parent_station '{value}' is not a stop ({count} rows): those stops are not grouped.</source>
        <translation>{file}, ligne de données {row} : parent_station « {value} » n'est pas un arrêt ({count} lignes) : ces arrêts ne sont pas regroupés.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{file}, row {row}: service_id '{value}' is in no calendar ({count} trips): those trips never run.</source>
        <translation>{file}, ligne de données {row} : service_id « {value} » n'est dans aucun calendrier ({count} courses) : ces courses ne circulent jamais.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{file}: {count} stop times without a time, interpolated between the timed stops of their trip.</source>
        <translation>{file} : {count} horaires de passage sans heure, interpolés entre les arrêts horodatés de leur course.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{layer} has no sub-type field: sub-codes read as 00.</source>
        <translation>{layer} n'a pas de champ de sous-type : sous-codes lus comme 00.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{layer} has TYPEINF and no TYPEPSC: read as informations.</source>
        <translation>{layer} a un champ TYPEINF et pas de TYPEPSC : lue comme informations.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{layer} has TYPEPSC and no TYPEINF: read as prescriptions.</source>
        <translation>{layer} a un champ TYPEPSC et pas de TYPEINF : lue comme prescriptions.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{layer}: feature {fid} could not be reprojected, ignored.</source>
        <translation>{layer} : l'entité {fid} n'a pas pu être reprojetée, elle est ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{layer}: feature {fid} has an invalid geometry that could not be repaired, ignored.</source>
        <translation>{layer} : l'entité {fid} a une géométrie invalide qui n'a pas pu être réparée, elle est ignorée.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>{layer}: no source given; {note}</source>
        <translation>{layer} : aucune source fournie ; {note}</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{layer}: shapefile without declared encoding, read as {encoding}.</source>
        <translation>{layer} : shapefile sans encodage déclaré, lu en {encoding}.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>{layer}: {kept} kept ({clipped} cut at the edge) of {read} read; dropped: {outside} outside the area, {nogeom} without geometry, {bad} unreadable. Source: {source}</source>
        <translation>{layer} : {kept} gardées ({clipped} découpées au bord) sur {read} lues ; écartées : {outside} hors de la zone, {nogeom} sans géométrie, {bad} illisibles. Source : {source}</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>{layer}: {n} feature(s) downloaded.</source>
        <translation>{layer} : {n} entité(s) téléchargée(s).</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>{layer}: {n} feature(s) from _start={start} (total {total}): {url}</source>
        <translation>{layer} : {n} entité(s) à partir de _start={start} (total {total}) : {url}</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>{layer}: {n} feature(s) read from the cache (downloaded {date}).</source>
        <translation>{layer} : {n} entité(s) lue(s) dans le cache (téléchargement du {date}).</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>{layer}: {n} feature(s) without a usable {kind} geometry skipped.</source>
        <translation>{layer} : {n} entité(s) sans géométrie utilisable de type {kind} ignorée(s).</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>{layer}: {n} item(s) of the features array of {url} are not features (null or not an object): left out.</source>
        <translation>{layer} : {n} élément(s) du tableau features de {url} ne sont pas des entités (null ou pas un objet) : écartés.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>{lines} line(s), {mutations} sale(s) read (encoding {encoding}, separator '{sep}').</source>
        <translation>{lines} ligne(s), {mutations} vente(s) lues (encodage {encoding}, séparateur « {sep} »).</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>{n} candidate site(s).</source>
        <translation>{n} site(s) candidat(s).</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>{n} candidate(s) have no catchment for this band and cannot be chosen: {ids}</source>
        <translation>{n} candidat(s) n'ont pas de zone de chalandise pour cette tranche et ne peuvent pas être choisis : {ids}</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>{n} candidate(s) of {total} sites</source>
        <translation>{n} candidat(s) sur {total} sites</translation>
    </message>
    <message>
        <location filename="../ui/candidates_model.py"/>
        <source>{n} candidate(s) of {total} sites · threshold {threshold}</source>
        <translation>{n} candidat(s) sur {total} sites · seuil {threshold}</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>{n} candidate(s) repeat an identifier already seen: only the first of each can be chosen ({ids}).</source>
        <translation>{n} candidat(s) reprennent un identifiant déjà vu : seul le premier de chacun peut être choisi ({ids}).</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>{n} candidate(s) without {field} cannot be chosen (feature ids {ids}).</source>
        <translation>{n} candidat(s) sans {field} ne peuvent pas être choisis (identifiants d'entité {ids}).</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>{n} field(s) of the CNIG standard are missing from this layer ({fields}): the list and the form show the others.</source>
        <translation>{n} champ(s) du standard CNIG manque(nt) dans cette couche ({fields}) : la liste et le formulaire affichent les autres.</translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py"/>
        <source>{n} friches · total {ha} ha</source>
        <translation>{n} friches · total {ha} ha</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>{n} geometry(ies) written latitude first read the right way.</source>
        <translation>{n} géométrie(s) écrites latitude en premier lues dans le bon sens.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>{n} GTFS feeds merged into one (ids prefixed f1_, f2_…).</source>
        <translation>{n} flux GTFS fusionnés en un seul (identifiants préfixés f1_, f2_…).</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} invalid prescription / information / SCOT geometry(ies) repaired.</source>
        <translation>{n} géométrie(s) de prescription / information / SCoT invalide(s) réparée(s).</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} invalid site geometry(ies) repaired for the overlay (the output keeps the input geometry).</source>
        <translation>{n} géométrie(s) de site invalide(s) réparée(s) pour le croisement (la sortie garde la géométrie d'entrée).</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} invalid zone geometry(ies) repaired (make_valid).</source>
        <translation>{n} géométrie(s) de zone invalide(s) réparée(s) (make_valid).</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} multi-part zone(s): each counted as one zone, its parts together.</source>
        <translation>{n} zone(s) multipartie(s) : chacune comptée comme une seule zone, ses parties réunies.</translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py"/>
        <source>{n} of {total} friches · total {ha} ha</source>
        <translation>{n} friches sur {total} · total {ha} ha</translation>
    </message>
    <message>
        <location filename="../processing/land_prices.py"/>
        <source>{n} of {total} site(s) have a price estimate.</source>
        <translation>{n} site(s) sur {total} ont une estimation de prix.</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>{n} pages to print.</source>
        <translation>{n} pages à imprimer.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>{n} periods: choose a shorter span or years.</source>
        <translation>{n} périodes : choisissez une durée plus courte ou des années.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_io.py"/>
        <source>{n} place(s), opening dates from the field {field}.</source>
        <translation>{n} lieu(x), dates d'ouverture lues dans le champ {field}.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_territory.py"/>
        <source>{n} request(s) sent, {cached} answer(s) read from the cache.</source>
        <translation>{n} requête(s) envoyée(s), {cached} réponse(s) lue(s) dans le cache.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>{n} row(s) had coordinates written latitude first: swapped.</source>
        <translation>{n} ligne(s) avaient des coordonnées écrites latitude d'abord : inversées.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>{n} row(s) rejected by the import (see the import_report table).</source>
        <translation>{n} ligne(s) rejetée(s) par l'import (voir la table import_report).</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>{n} row(s) without usable location kept for their INSEE code.</source>
        <translation>{n} ligne(s) sans localisation utilisable gardée(s) pour leur code INSEE.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>{n} sale(s): {reason}.</source>
        <translation>{n} vente(s) : {reason}.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} sector(s) with TYPESECT written in words: {values}.</source>
        <translation>{n} secteur(s) avec un TYPESECT écrit en toutes lettres : {values}.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>{n} site(s) considered over {years} year(s) ({first}–{last}), total budget {budget}.</source>
        <translation>{n} site(s) considérés sur {years} année(s) ({first}–{last}), budget total {budget}.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dock.py"/>
        <source>{n} site(s) exported to {file}</source>
        <translation>{n} site(s) exporté(s) vers {file}</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>{n} site(s) have a reliability below {min} %: their scores rest on few criteria (add the missing analyses).</source>
        <translation>{n} site(s) ont une fiabilité inférieure à {min} % : leurs scores reposent sur peu de critères (ajoutez les analyses manquantes).</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>{n} site(s) have no catchment: they reach nobody in the objective ({ids}).</source>
        <translation>{n} site(s) n'ont pas de zone de chalandise : ils ne touchent personne dans l'objectif ({ids}).</translation>
    </message>
    <message>
        <location filename="../processing/inventory_at_date.py"/>
        <source>{n} site(s) in the inventory at {moment} ({now} now).</source>
        <translation>{n} site(s) dans l'inventaire le {moment} ({now} aujourd'hui).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py"/>
        <source>{n} site(s) lie outside France: check the CRS of the input (or the source CRS parameter).</source>
        <translation>{n} site(s) sont hors de France : vérifiez le SCR de l'entrée (ou le paramètre SCR source).</translation>
    </message>
    <message>
        <location filename="../processing/scoring_io.py"/>
        <source>{n} site(s) not found by identifier in the {layer} layer (their criteria count as missing data): {ids}</source>
        <translation>{n} site(s) introuvable(s) par identifiant dans la couche « {layer} » (leurs critères comptent comme données manquantes) : {ids}</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>{n} site(s) reach no stop within {km} km along the network (off the network, or in a part of it not connected to any stop): straight-line distances are used for them.</source>
        <translation>{n} site(s) n'atteignent aucun arrêt à moins de {km} km le long du réseau (hors du réseau, ou dans une partie de celui-ci reliée à aucun arrêt) : les distances à vol d'oiseau sont utilisées pour eux.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>{n} site(s) without a known cost are not programmed: {ids}.</source>
        <translation>{n} site(s) sans coût connu ne sont pas programmés : {ids}.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>{n} site(s) without geometry, or whose coordinates cannot be transformed (check the layer's CRS): their transit fields are empty.</source>
        <translation>{n} site(s) sans géométrie, ou dont les coordonnées ne peuvent pas être transformées (vérifiez le SCR de la couche) : leurs champs de desserte sont vides.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} site(s): {covered} covered by the zoning, {partial} partly, {outside} outside, {empty} without geometry.</source>
        <translation>{n} site(s) : {covered} couvert(s) par le zonage, {partial} en partie, {outside} hors zonage, {empty} sans géométrie.</translation>
    </message>
    <message>
        <location filename="../processing/site_costs.py"/>
        <source>{n} site(s): {what}.</source>
        <translation>{n} site(s) : {what}.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>{n} sites imported, {r} rows rejected (see the import_report table).</source>
        <translation>{n} sites importés, {r} lignes rejetées (voir la table import_report).</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>{n} sites kept by the expression {expression}.</source>
        <translation>{n} sites retenus par l'expression {expression}.</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>{n} sites selected, reaching {pop} people not served before.</source>
        <translation>{n} sites sélectionnés, atteignant {pop} habitants jusque-là non desservis.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>{n} sites: polygons drawn as smooth buffers {width} m around the reached roads.</source>
        <translation>{n} sites : polygones dessinés en tampons lissés de {width} m autour des routes atteintes.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>{n} sites: polygons drawn on a {cell} m grid, no point farther than {distance} m from a road reached in time.</source>
        <translation>{n} sites : polygones dessinés sur une grille de {cell} m, aucun point à plus de {distance} m d'une route atteinte dans le temps.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} zone type(s) written in another case, normalised: {values}.</source>
        <translation>{n} type(s) de zone écrit(s) dans une autre casse, normalisé(s) : {values}.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} zone(s) outside the document (RNU, ZURNU or sector 99): not counted in the shares.</source>
        <translation>{n} zone(s) hors document (RNU, ZURNU ou secteur 99) : non comptée(s) dans les parts.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} zone(s) read from {layer}.</source>
        <translation>{n} zone(s) lue(s) dans {layer}.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} zone(s) typed AU without c / s: counted as AUs (the stricter reading).</source>
        <translation>{n} zone(s) de type AU sans c / s : comptée(s) comme AUs (la lecture la plus stricte).</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} zone(s) with a legacy TYPEZONE (Ah counted as A, Nh and Nd as N): {values}.</source>
        <translation>{n} zone(s) avec un ancien TYPEZONE (Ah compté comme A, Nh et Nd comme N) : {values}.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} zone(s) with an empty or unknown type, typed from their LIBELLE: {values}.</source>
        <translation>{n} zone(s) au type vide ou inconnu, typée(s) d'après leur LIBELLE : {values}.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} zone(s) with an unreadable type, not counted in the shares: {values}.</source>
        <translation>{n} zone(s) au type illisible, non comptée(s) dans les parts : {values}.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>{n} {what} read from {layer}.</source>
        <translation>{n} {what} lue(s) dans {layer}.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>{n} × {reason} (see the report).</source>
        <translation>{n} × {reason} (voir le rapport).</translation>
    </message>
    <message>
        <location filename="../processing/sinks.py"/>
        <source>{output}: {n} feature(s) {what}: {sites}.</source>
        <translation>{output} : {n} entité(s) {what} : {sites}.</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>{path} has no layer {layer}.</source>
        <translation>{path} n'a pas de couche {layer}.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>{path} is not a Filosofi grid: it has no idcar_200m column.</source>
        <translation>{path} n'est pas une grille Filosofi : il n'a pas de colonne idcar_200m.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>{path} is not a geolocated DVF file: the columns {columns} are missing (columns found: {found}…).</source>
        <translation>{path} n'est pas un fichier DVF géolocalisé : les colonnes {columns} manquent (colonnes trouvées : {found}…).</translation>
    </message>
    <message>
        <location filename="../processing/prepared_gpkg.py"/>
        <source>{path} is not a GeoPackage GDAL can open.</source>
        <translation>{path} n'est pas un GeoPackage que GDAL sait ouvrir.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{path} is not a zip file ({reason}): a GTFS feed is a zip of .txt files.</source>
        <translation>{path} n'est pas un fichier zip ({reason}) : un flux GTFS est un zip de fichiers .txt.</translation>
    </message>
    <message>
        <location filename="../processing/costs_io.py"/>
        <source>{path} is the raw DGFiP file (ValeursFoncieres, columns 'Valeur fonciere', 'No disposition'): it has no coordinates. Use the geolocated DVF published by Etalab (files.data.gouv.fr/geo-dvf, one file per département).</source>
        <translation>{path} est le fichier brut de la DGFiP (ValeursFoncieres, colonnes « Valeur fonciere », « No disposition ») : il n'a pas de coordonnées. Utilisez les DVF géolocalisées publiées par Etalab (files.data.gouv.fr/geo-dvf, un fichier par département).</translation>
    </message>
    <message>
        <location filename="../processing/inventory_input.py"/>
        <source>{path} read row by row by the plugin ({why}).</source>
        <translation>{path} lu ligne par ligne par l'extension ({why}).</translation>
    </message>
    <message>
        <location filename="../processing/inventory_input.py"/>
        <source>{path}, line {line}: the file cannot be read as CSV ({reason}).</source>
        <translation>{path}, ligne {line} : le fichier ne peut pas être lu comme un CSV ({reason}).</translation>
    </message>
    <message>
        <location filename="../processing/inventory_input.py"/>
        <source>{path}: the file cannot be read as CSV ({reason}).</source>
        <translation>{path} : le fichier ne peut pas être lu comme un CSV ({reason}).</translation>
    </message>
    <message>
        <location filename="../processing/full_analysis.py"/>
        <source>{pct} % of the population lives within {minutes} min of an existing place.</source>
        <translation>{pct} % de la population habite à moins de {minutes} min d'un lieu existant.</translation>
    </message>
    <message>
        <location filename="../processing/monitoring_indicators.py"/>
        <source>{period}: {sites} site(s) ({area} ha); {counts}; {changed} status change(s), {converted} converted.</source>
        <translation>{period} : {sites} site(s) ({area} ha) ; {counts} ; {changed} changement(s) de statut, {converted} reconverti(s).</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py"/>
        <source>{requests} HTTP request(s); {cached} layer(s) from the cache; file {path}.</source>
        <translation>{requests} requête(s) HTTP ; {cached} couche(s) issue(s) du cache ; fichier {path}.</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>{service}: feed {title} ({level}, dataset id {id}) also covers the territory; not downloaded (it may repeat the local networks). Add its id to take it.</source>
        <translation>{service} : le flux {title} ({level}, jeu de données {id}) couvre aussi le territoire ; non téléchargé (il peut reprendre les réseaux locaux). Ajoutez son identifiant pour le prendre.</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>{service}: GTFS feed {title} downloaded ({size} kB).</source>
        <translation>{service} : flux GTFS {title} téléchargé ({size} ko).</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>{service}: {n} item(s) of the answer are not features (null or not an object), left out: {url}</source>
        <translation>{service} : {n} élément(s) de la réponse ne sont pas des entités (null ou pas un objet), écartés : {url}</translation>
    </message>
    <message>
        <location filename="../processing/territory_online.py"/>
        <source>{service}: {n} site(s) on page {page} ({total} announced).</source>
        <translation>{service} : {n} site(s) en page {page} ({total} annoncés).</translation>
    </message>
    <message>
        <location filename="../processing/territory_io.py"/>
        <source>{source} holds {kind} where {expected} were expected.</source>
        <translation>{source} contient {kind} là où il fallait {expected}.</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>{source} is a text file without geometry: give {param} as a layer with geometry (GeoPackage, shapefile, GeoJSON…).</source>
        <translation>{source} est un fichier texte sans géométrie : fournissez {param} sous forme de couche avec géométrie (GeoPackage, shapefile, GeoJSON…).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{stops} stops, {routes} routes, {trips} trips, {times} stop times{freq}.</source>
        <translation>{stops} arrêts, {routes} lignes, {trips} courses, {times} horaires de passage{freq}.</translation>
    </message>
    <message>
        <location filename="../processing/catchment.py"/>
        <source>{tied} of {total} sites tied to the network.</source>
        <translation>{tied} sites sur {total} raccordés au réseau.</translation>
    </message>
    <message>
        <location filename="../processing/programme_io.py"/>
        <source>{uncovered} of {total} people are not served by existing places.</source>
        <translation>{uncovered} habitants sur {total} ne sont pas desservis par les lieux existants.</translation>
    </message>
    <message>
        <location filename="../processing/select_sites.py"/>
        <source>{uncovered} of {total} people live outside every existing place's catchment.</source>
        <translation>{uncovered} habitants sur {total} vivent hors de la zone de chalandise de tous les lieux existants.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>{use}: {n} candidate(s) (score ≥ {threshold}).</source>
        <translation>{use} : {n} candidat(s) (score ≥ {threshold}).</translation>
    </message>
    <message>
        <location filename="../ui/field_editors.py"/>
        <source>{value} (not in the standard)</source>
        <translation>{value} (hors standard)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py"/>
        <source>{value} (not in the standard) · {n}</source>
        <translation>{value} (hors standard) · {n}</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>{value} is not a valid year</source>
        <translation>{value} n'est pas une année valide</translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py"/>
        <source>{value} m²</source>
        <translation>{value} m²</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>{what} '{name}' is tied to a small piece of network cut off from the rest (no larger piece within {tolerance} m): its catchment is small; check the network around it.</source>
        <translation>{what} « {name} » est raccordé à un petit morceau de réseau isolé du reste (aucun morceau plus grand à moins de {tolerance} m) : sa zone de chalandise est petite ; vérifiez le réseau autour.</translation>
    </message>
    <message>
        <location filename="../processing/network_io.py"/>
        <source>{what} '{name}' is {status} (tolerance {tolerance} m, {mode}): no catchment.</source>
        <translation>{what} « {name} » {status} (tolérance {tolerance} m, {mode}) : pas de zone de chalandise.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>{what} (from the services)</source>
        <translation>{what} (d'après les services)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>{where} has no inventory yet. Create its tables (sites, outlines, history, value lists of the CNIG standard)?</source>
        <translation>{where} n'a pas encore d'inventaire. Créer ses tables (sites, emprises, historique, listes de valeurs du standard CNIG) ?</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: '{value}' in {column} is not a date (YYYYMMDD).</source>
        <translation>{where} : « {value} » dans {column} n'est pas une date (AAAAMMJJ).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: '{value}' in {column} is not a time (HH:MM:SS).</source>
        <translation>{where} : « {value} » dans {column} n'est pas une heure (HH:MM:SS).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: '{value}' in {column} is not a valid number.</source>
        <translation>{where} : « {value} » dans {column} n'est pas un nombre valide.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: '{value}' is not an allowed value of {column}.</source>
        <translation>{where} : « {value} » n'est pas une valeur autorisée de {column}.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: end_time {end} is not after start_time {start}.</source>
        <translation>{where} : end_time {end} n'est pas postérieur à start_time {start}.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: invalid feed ({code}).</source>
        <translation>{where} : flux invalide ({code}).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: no service runs on any date (calendar.txt and calendar_dates.txt).</source>
        <translation>{where} : aucun service ne circule à aucune date (calendar.txt et calendar_dates.txt).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: route_id '{value}' is not in routes.txt.</source>
        <translation>{where} : route_id « {value} » est absent de routes.txt.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: stop_id '{value}' is not in stops.txt.</source>
        <translation>{where} : stop_id « {value} » est absent de stops.txt.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: the coordinates ({lat}, {lon}) are out of range.</source>
        <translation>{where} : les coordonnées ({lat}, {lon}) sont hors limites.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: the file is damaged inside the zip ({reason}); zip the feed again.</source>
        <translation>{where} : le fichier est endommagé dans le zip ({reason}) ; recompressez le flux.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: the file is empty (no header).</source>
        <translation>{where} : le fichier est vide (pas d'en-tête).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: the file is neither UTF-8 nor windows-1252 ({reason}).</source>
        <translation>{where} : le fichier n'est ni en UTF-8 ni en windows-1252 ({reason}).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: the first and last stops of trip '{trip_id}' must have a time.</source>
        <translation>{where} : le premier et le dernier arrêt de la course « {trip_id} » doivent avoir un horaire.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: the line cannot be read as CSV ({reason}).</source>
        <translation>{where} : la ligne ne peut pas être lue en CSV ({reason}).</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: the required column '{column}' is missing.</source>
        <translation>{where} : la colonne obligatoire « {column} » est absente.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: trip_id '{value}' is not in trips.txt.</source>
        <translation>{where} : trip_id « {value} » est absent de trips.txt.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: {column} '{value}' appears twice.</source>
        <translation>{where} : {column} « {value} » apparaît deux fois.</translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py"/>
        <source>{where}: {column} is empty but required.</source>
        <translation>{where} : {column} est vide alors qu'il est obligatoire.</translation>
    </message>
    <message>
        <location filename="../processing/score_candidates.py"/>
        <source>{written} of {total} sites were written into the output '{output}': the input changed while it was read.</source>
        <translation>{written} sites sur {total} ont été écrits dans la sortie « {output} » : l'entrée a changé pendant sa lecture.</translation>
    </message>
    <message>
        <location filename="../processing/acquisition_programme.py"/>
        <source>{year}: spend {spend} of {budget}, {opened} place(s) opened.</source>
        <translation>{year} : dépense {spend} sur {budget}, {opened} lieu(x) ouvert(s).</translation>
    </message>
    <message>
        <location filename="../processing/territory_steps.py"/>
        <source>© OpenStreetMap contributors, ODbL 1.0.</source>
        <translation>© les contributeurs d'OpenStreetMap, ODbL 1.0.</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>ÖV day window end (HH:MM)</source>
        <translation>Fin de la période de jour ÖV (HH:MM)</translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py"/>
        <source>ÖV day window start (HH:MM)</source>
        <translation>Début de la période de jour ÖV (HH:MM)</translation>
    </message>
    <message>
        <location filename="../ui/inventory_opening.py"/>
        <source>“{file}” has no “{layer}” point layer: is it an inventory GeoPackage written by “Import a friches inventory…”?</source>
        <translation>« {file} » n'a pas de couche de points « {layer} » : est-ce bien un GeoPackage d'inventaire écrit par « Importer un inventaire de friches… » ?</translation>
    </message>
    <message>
        <location filename="../processing/inventory_merge.py"/>
        <source>“{text}” is not an inventory: give a GeoPackage (.gpkg), a saved PostgreSQL connection with its schema and table (connection='…' schema=… table=…) or a PostgreSQL layer URI (dbname=… table=…).</source>
        <translation>« {text} » n'est pas un inventaire : indiquez un GeoPackage (.gpkg), une connexion PostgreSQL enregistrée avec son schéma et sa table (connection='…' schema=… table=…) ou une URI de couche PostgreSQL (dbname=… table=…).</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>“{value}” does not have the expected form</source>
        <translation>« {value} » n'a pas la forme attendue</translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py"/>
        <source>“{value}” is not a value of the standard</source>
        <translation>« {value} » n'est pas une valeur du standard</translation>
    </message>
    <message>
        <location filename="../processing/inventory_report.py"/>
        <source>… and {n} more, see the report.</source>
        <translation>… et {n} autre(s), voir le rapport.</translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py"/>
        <source>… further warnings not shown.</source>
        <translation>… avertissements suivants non affichés.</translation>
    </message>
</context>
</TS>
