<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>FrichesTiersLieux</name>
    <message>
        <location filename="../plugin.py" line="47"/>
        <location filename="../processing/provider.py" line="48"/>
        <source>Friches &amp; Tiers-Lieux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="51"/>
        <location filename="../ui/inventory_dock.py" line="138"/>
        <location filename="../ui/inventory_dock.py" line="791"/>
        <source>Friches inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="52"/>
        <source>Show or hide the friches inventory panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="55"/>
        <source>Import a friches inventory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="56"/>
        <source>Import and validate an inventory in the CNIG friches standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="59"/>
        <source>Friches &amp; Tiers-Lieux algorithms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="60"/>
        <source>Show the provider's algorithms in the Processing toolbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="81"/>
        <source>Missing Python packages ({missing}). Install them with: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="51"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="60"/>
        <source>Friches &amp; Tiers-Lieux needs Python packages that are missing: {missing}. Install them with: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="48"/>
        <source>Catchment (isochrones and population)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="51"/>
        <location filename="../processing/coverage_gaps.py" line="54"/>
        <source>Catchment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="57"/>
        <source>isochrone,catchment,service area,walk,bike,car,population,network,access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="60"/>
        <source>&lt;p&gt;For each site, the area reachable on the road network within each travel time, and the population living in it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; Each site is tied to the nearest road usable in the mode (within a tolerance; a site too far away is reported by name and kept in the sites output with status 'not connected', never given an empty polygon silently). A travel-time search runs from the point where the site meets the road (a polygon site also starts from every network node inside it) and stops at the longest time. The polygon of a band is made of the roads reached within the time, edges crossing the limit being cut at the exact point reached, widened by 25 m on each side; holes narrower than 50 m (blocks surrounded by reached streets) are filled. &lt;b&gt;No point of a polygon is farther than 50 m from a road actually reached in time&lt;/b&gt;: no area is claimed across rivers, railways or fields the network does not cross.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Population&lt;/b&gt;: the area-weighted share of each cell of the population grid inside the polygon (INSEE Filosofi 200 m grid by default: field 'ind').&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: one polygon per site and time (fields site_id, minutes, population), drawn largest first; the sites with one population field per time (pop_5min, pop_10min...) and their network status.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="79"/>
        <location filename="../processing/transit_coverage.py" line="148"/>
        <location filename="../processing/zoning_overlay.py" line="238"/>
        <location filename="../processing/zoning_overlay.py" line="291"/>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="80"/>
        <source>Points or polygons (friches, tiers-lieux, candidate sites).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="83"/>
        <location filename="../processing/zoning_overlay.py" line="242"/>
        <source>Site identifier field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="86"/>
        <source>Copied into the catchments as site_id; the feature id when the field is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="89"/>
        <source>Site name field (for messages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="92"/>
        <source>Used to name sites in warnings; by default site_nom, nom or name when present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="95"/>
        <source>Travel times (minutes, comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="96"/>
        <source>One polygon per site and time; all times come from one search per site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="100"/>
        <source>Sites with population reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="101"/>
        <source>Sites not connected to the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="113"/>
        <source>Travel times must be positive numbers of minutes separated by commas, e.g. 5,10,15 (got '{value}').</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="125"/>
        <source>Reading the road network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="135"/>
        <source>No site identifier field: the feature ids are used as site_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="137"/>
        <location filename="../ui/friche_form.py" line="705"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="138"/>
        <source>{tied} of {total} sites tied to the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="143"/>
        <source>Searching the network and drawing the catchments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="157"/>
        <source>Counting the population…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/catchment.py" line="179"/>
        <location filename="../processing/catchment.py" line="99"/>
        <source>Catchments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="51"/>
        <source>Coverage gaps (population out of reach)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="60"/>
        <source>coverage,gaps,accessibility,tiers-lieux,France Services,population,catchment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="63"/>
        <source>&lt;p&gt;The areas and population that no existing place (tiers-lieux, France Services, libraries...) reaches within a travel time on the road network, and for each candidate site the population it would newly cover.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; The catchments of the existing places are computed as in the Catchment algorithm (honest polygons: no point farther than 50 m from a road reached in time) and merged. The uncovered population of a grid cell is its population times the share of its area outside the merged catchments. Gap areas are the populated cells minus the covered area. A candidate's new coverage is the population of its own catchment outside the covered area: each candidate is compared with the existing places only, not with the other candidates.&lt;/p&gt;&lt;p&gt;Places or candidates too far from the network are reported by name and do not count.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="78"/>
        <source>Existing places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="80"/>
        <source>Places whose catchments count as covered (tiers-lieux, France Services...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="83"/>
        <source>Candidate sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="85"/>
        <source>Sites to rank by the population they would newly cover (friches...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="88"/>
        <source>Candidate identifier field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="94"/>
        <source>Travel time (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="101"/>
        <source>Candidates with new coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="104"/>
        <source>Covered area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="107"/>
        <source>Population of the grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="108"/>
        <source>Population covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="109"/>
        <source>Population not covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="110"/>
        <source>Share of the population covered (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="139"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="157"/>
        <source>Finding the gaps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="175"/>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="204"/>
        <source>{covered} of {total} people ({pct} %) live within {minutes} min {mode} of an existing place; {uncovered} do not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_gaps.py" line="210"/>
        <location filename="../processing/coverage_gaps.py" line="99"/>
        <source>Coverage gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="106"/>
        <source>Import a friches inventory</source>
        <translation>Importer un inventaire de friches</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="109"/>
        <source>Inventory</source>
        <translation>Inventaire</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="115"/>
        <source>friches</source>
        <translation>friches</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="115"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="115"/>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="116"/>
        <source>inventory</source>
        <translation>inventaire</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="119"/>
        <source>Reads a friches inventory into the CNIG friches standard and reports every problem.</source>
        <translation>Lit un inventaire de friches selon le standard CNIG Friches et signale chaque problème.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="122"/>
        <source>&lt;p&gt;Reads a friches inventory, checks it against the CNIG friches standard ({version}) and writes the sites as points (&lt;i&gt;Imported sites&lt;/i&gt;) and their outlines (&lt;i&gt;Site polygons&lt;/i&gt;) in a projected CRS, with a report of every problem found.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs&lt;/b&gt;: any layer QGIS reads: a CNIG or Cartofriches CSV (loaded without geometry: the WKT columns &lt;i&gt;geompoint&lt;/i&gt; / &lt;i&gt;geomsurf&lt;/i&gt;, or coordinate columns x/y, lon/lat, longitude/latitude, are read), GeoJSON, GeoPackage, shapefile (with the standard's short names such as SITEID, SITENOM). A shapefile without .cpg or a CSV that is not UTF-8 is re-read in windows-1252 (latin-1) when its bytes are not UTF-8; the &lt;i&gt;Encoding&lt;/i&gt; parameter forces another encoding.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fields&lt;/b&gt; are matched by their CNIG name (any case), then by their known aliases (shapefile short names, Cartofriches names such as site_numero, code_insee, nom_commune). The &lt;i&gt;Field mapping&lt;/i&gt; adds explicit pairs &lt;code&gt;cnig_field=source_field&lt;/code&gt; separated by &lt;code&gt;;&lt;/code&gt;, e.g. &lt;code&gt;site_nom=NOM;site_type=TYPE;x=X_L93;y=Y_L93&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Checks&lt;/b&gt;: coded values are written with the standard's spelling (case, accents and apostrophes ignored); a value not in the list becomes &lt;i&gt;inconnu&lt;/i&gt; and the original is kept in &lt;i&gt;import_notes&lt;/i&gt;. Patterns (refcad, activity codes, owner types, URLs, distances) are repaired when unambiguous (Cartofriches list strings such as ['49353000AC0628']), otherwise kept and reported. Dates are read from YYYY-MM-DD, DD/MM/YYYY (day first) or ISO date-times; unreadable dates become NULL. Empty required fields are reported; site_type and urba_zaer take &lt;i&gt;inconnu&lt;/i&gt;. A missing site_id is generated as &lt;code&gt;&amp;lt;comm_insee&amp;gt;_FTL&amp;lt;8 hex&amp;gt;&lt;/code&gt; from the name, the commune and the location (the same on every run).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Geometry&lt;/b&gt; comes from the layer, or from geomsurf / geompoint WKT, or from coordinate columns, in the layer's CRS or the &lt;i&gt;Source CRS&lt;/i&gt; (when not set, WKT and coordinate columns in degrees are read as EPSG:4326, others as EPSG:2154). WKT written latitude first (like the standard's own example) is swapped; invalid polygons are repaired; an unreadable geomsurf leaves the site as a point. The point is geompoint when it lies within {near} m of the polygon, otherwise the polygon's point on surface. Rows without any geometry, and rows repeating an earlier site_id, are rejected; sites closer than {dist} m or whose polygons overlap by more than {overlap} % are flagged as possible duplicates.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Surfaces&lt;/b&gt;: site_surface (m²) is the polygon area, else unite_fonciere_surface (surface_source = geometry, declared or unknown); an empty unite_fonciere_surface takes the polygon area.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Report&lt;/b&gt;: one line per problem or decision, with the input row number, the source feature id, site_id, site_nom, severity (&lt;i&gt;error&lt;/i&gt; = row rejected, &lt;i&gt;warning&lt;/i&gt; = kept but changed or doubtful, &lt;i&gt;info&lt;/i&gt;), field, original value, reason and action. Every input row is either an imported site or an &lt;i&gt;error&lt;/i&gt; line.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inventory&lt;/b&gt;: when a GeoPackage is given, the imported sites are merged into its layers &lt;i&gt;friches&lt;/i&gt; and &lt;i&gt;friches_emprises&lt;/i&gt; (created when missing), matched on site_id: new sites are added; a stored site is updated only when the incoming site_actu_date is the same or later (a stored site edited later, e.g. in the inventory panel, is kept as it is and reported); an empty incoming value, or an incoming &lt;i&gt;inconnu&lt;/i&gt;, never replaces a stored value; sites absent from the input are never deleted. The &lt;i&gt;Imported sites&lt;/i&gt; output still holds this import alone. Save the inventory layer's pending edits before merging.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lit un inventaire de friches, le contrôle au regard du standard CNIG Friches ({version}) et écrit les sites en points (&lt;i&gt;Sites importés&lt;/i&gt;) et leurs emprises (&lt;i&gt;Emprises des sites&lt;/i&gt;) dans un SCR projeté, avec un rapport de chaque problème rencontré.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Entrées&lt;/b&gt; : toute couche lisible par QGIS : un CSV CNIG ou Cartofriches (chargé sans géométrie : les colonnes WKT &lt;i&gt;geompoint&lt;/i&gt; / &lt;i&gt;geomsurf&lt;/i&gt;, ou les colonnes de coordonnées x/y, lon/lat, longitude/latitude, sont lues), GeoJSON, GeoPackage, shapefile (avec les noms courts du standard comme SITEID, SITENOM). Un shapefile sans .cpg ou un CSV qui n'est pas en UTF-8 est relu en windows-1252 (latin-1) quand ses octets ne sont pas de l'UTF-8 ; le paramètre &lt;i&gt;Encodage&lt;/i&gt; impose un autre encodage.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Champs&lt;/b&gt; : ils sont reconnus par leur nom CNIG (casse indifférente), puis par leurs alias connus (noms courts du shapefile, noms Cartofriches comme site_numero, code_insee, nom_commune). La &lt;i&gt;Correspondance des champs&lt;/i&gt; ajoute des paires explicites &lt;code&gt;cnig_field=source_field&lt;/code&gt; séparées par &lt;code&gt;;&lt;/code&gt;, par ex. &lt;code&gt;site_nom=NOM;site_type=TYPE;x=X_L93;y=Y_L93&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Contrôles&lt;/b&gt; : les valeurs codées sont écrites avec l'orthographe du standard (casse, accents et apostrophes ignorés) ; une valeur absente de la liste devient &lt;i&gt;inconnu&lt;/i&gt; et l'originale est gardée dans &lt;i&gt;import_notes&lt;/i&gt;. Les motifs (refcad, codes d'activité, types de propriétaires, URL, distances) sont réparés quand c'est sans ambiguïté (listes Cartofriches comme ['49353000AC0628']), sinon gardés et signalés. Les dates sont lues en AAAA-MM-JJ, JJ/MM/AAAA (jour d'abord) ou date-heure ISO ; les dates illisibles deviennent NULL. Les champs obligatoires vides sont signalés ; site_type et urba_zaer prennent &lt;i&gt;inconnu&lt;/i&gt;. Un site_id manquant est généré sous la forme &lt;code&gt;&amp;lt;comm_insee&amp;gt;_FTL&amp;lt;8 hex&amp;gt;&lt;/code&gt; à partir du nom, de la commune et de la position (le même à chaque import).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Géométrie&lt;/b&gt; : elle vient de la couche, ou du WKT geomsurf / geompoint, ou des colonnes de coordonnées, dans le SCR de la couche ou le &lt;i&gt;SCR source&lt;/i&gt; (s'il n'est pas renseigné, les colonnes WKT et de coordonnées en degrés sont lues en EPSG:4326, les autres en EPSG:2154). Le WKT écrit latitude d'abord (comme l'exemple du standard lui-même) est inversé ; les polygones invalides sont réparés ; un geomsurf illisible laisse le site en point. Le point est geompoint s'il est à moins de {near} m du polygone, sinon le point intérieur du polygone. Les lignes sans aucune géométrie et celles qui répètent un site_id déjà lu sont rejetées ; les sites distants de moins de {dist} m ou dont les polygones se recouvrent à plus de {overlap} % sont signalés comme doublons possibles.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Surfaces&lt;/b&gt; : site_surface (m²) est l'aire du polygone, sinon unite_fonciere_surface (surface_source = geometry, declared ou unknown) ; un unite_fonciere_surface vide prend l'aire du polygone.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Rapport&lt;/b&gt; : une ligne par problème ou décision, avec le numéro de ligne en entrée, l'identifiant de l'entité source, site_id, site_nom, la gravité (&lt;i&gt;error&lt;/i&gt; = ligne rejetée, &lt;i&gt;warning&lt;/i&gt; = gardée mais modifiée ou douteuse, &lt;i&gt;info&lt;/i&gt;), le champ, la valeur d'origine, le motif et l'action. Chaque ligne en entrée est soit un site importé, soit une ligne &lt;i&gt;error&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inventaire&lt;/b&gt; : si un GeoPackage est indiqué, les sites importés sont fusionnés dans ses couches &lt;i&gt;friches&lt;/i&gt; et &lt;i&gt;friches_emprises&lt;/i&gt; (créées si besoin), en les rapprochant par site_id : les nouveaux sites sont ajoutés ; un site déjà présent n'est mis à jour que si le site_actu_date importé est le même ou plus récent (un site modifié plus tard, par ex. dans le panneau d'inventaire, est gardé tel quel et signalé) ; une valeur importée vide, ou un &lt;i&gt;inconnu&lt;/i&gt; importé, ne remplace jamais une valeur enregistrée ; les sites absents de l'import ne sont jamais supprimés. La sortie &lt;i&gt;Sites importés&lt;/i&gt; ne contient que cet import. Enregistrez les modifications en cours de la couche d'inventaire avant la fusion.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="176"/>
        <source>Friches inventory to import</source>
        <translation>Inventaire de friches à importer</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="178"/>
        <source>Points, polygons or a table without geometry (CSV with geompoint / geomsurf WKT columns or coordinate columns).</source>
        <translation>Points, polygones ou table sans géométrie (CSV avec colonnes WKT geompoint / geomsurf ou colonnes de coordonnées).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="184"/>
        <source>Field mapping</source>
        <translation>Correspondance des champs</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="185"/>
        <source>Extra pairs cnig_field=source_field separated by ';', on top of the automatic matching, e.g. site_nom=NOM;site_type=TYPE. Also geompoint=..., geomsurf=... for WKT columns of another name and x=..., y=... for coordinate columns.</source>
        <translation>Paires cnig_field=source_field séparées par « ; », en plus de la reconnaissance automatique, par ex. site_nom=NOM;site_type=TYPE. Aussi geompoint=..., geomsurf=... pour des colonnes WKT d'un autre nom et x=..., y=... pour les colonnes de coordonnées.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="193"/>
        <source>Inventory CRS (projected)</source>
        <translation>SCR de l'inventaire (projeté)</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="195"/>
        <source>CRS of the outputs; it must be projected (surfaces in m²). Lambert-93 (EPSG:2154) in metropolitan France (the default, also when not set); EPSG:5490 Antilles, 2972 Guyane, 2975 Réunion, 4471 Mayotte.</source>
        <translation>SCR des sorties ; il doit être projeté (surfaces en m²). Lambert-93 (EPSG:2154) en métropole (par défaut, y compris s'il n'est pas renseigné) ; EPSG:5490 Antilles, 2972 Guyane, 2975 Réunion, 4471 Mayotte.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="204"/>
        <source>Merge into the inventory GeoPackage</source>
        <translation>Fusionner dans le GeoPackage d'inventaire</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="206"/>
        <location filename="../processing/load_gpu.py" line="148"/>
        <location filename="../ui/inventory_dock.py" line="810"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="209"/>
        <source>Optional .gpkg updated in place (layers friches and friches_emprises, created when missing). Pick an existing file, or type the path of a new one.</source>
        <translation>Fichier .gpkg facultatif mis à jour sur place (couches friches et friches_emprises, créées si besoin). Choisissez un fichier existant ou saisissez le chemin d'un nouveau.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="215"/>
        <source>CRS of WKT / coordinate columns</source>
        <translation>SCR des colonnes WKT / de coordonnées</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="216"/>
        <source>CRS of geompoint / geomsurf / x, y columns (and of a layer without CRS). When not set: EPSG:4326 if the coordinates look like degrees, else EPSG:2154.</source>
        <translation>SCR des colonnes geompoint / geomsurf / x, y (et d'une couche sans SCR). S'il n'est pas renseigné : EPSG:4326 si les coordonnées ressemblent à des degrés, sinon EPSG:2154.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="223"/>
        <source>Encoding of the input file</source>
        <translation>Encodage du fichier en entrée</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="224"/>
        <source>Encoding of a shapefile without .cpg or of a CSV, e.g. windows-1252, ISO-8859-1, UTF-8. When empty, a file whose bytes are not UTF-8 is read as windows-1252.</source>
        <translation>Encodage d'un shapefile sans .cpg ou d'un CSV, par ex. windows-1252, ISO-8859-1, UTF-8. S'il est vide, un fichier dont les octets ne sont pas de l'UTF-8 est lu en windows-1252.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="231"/>
        <source>Imported sites</source>
        <translation>Sites importés</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="232"/>
        <source>The imported sites as points, with the CNIG fields and site_surface, surface_source, has_polygon, import_notes.</source>
        <translation>Les sites importés en points, avec les champs CNIG et site_surface, surface_source, has_polygon, import_notes.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="236"/>
        <source>Site polygons</source>
        <translation>Emprises des sites</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="239"/>
        <source>The outlines of the sites that have one (site_id, site_nom, site_surface).</source>
        <translation>Les emprises des sites qui en ont une (site_id, site_nom, site_surface).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="241"/>
        <source>Import report</source>
        <translation>Rapport d'import</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="242"/>
        <source>One line per rejected row, warning or information, with the reason and the action.</source>
        <translation>Une ligne par ligne rejetée, avertissement ou information, avec le motif et l'action.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="245"/>
        <source>Sites imported</source>
        <translation>Sites importés</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="246"/>
        <source>Rows rejected</source>
        <translation>Lignes rejetées</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="247"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="248"/>
        <source>Sites added to the inventory</source>
        <translation>Sites ajoutés à l'inventaire</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="249"/>
        <source>Sites updated in the inventory</source>
        <translation>Sites mis à jour dans l'inventaire</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="250"/>
        <source>Inventory sites left unchanged</source>
        <translation>Sites de l'inventaire inchangés</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="251"/>
        <source>Inventory layer</source>
        <translation>Couche d'inventaire</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="283"/>
        <source>The inventory must be a GeoPackage (.gpkg): {path}</source>
        <translation>L'inventaire doit être un GeoPackage (.gpkg) : {path}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="316"/>
        <source>The input has no rows.</source>
        <translation>L'entrée ne contient aucune ligne.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="321"/>
        <source>Layer geometry read in {crs}.</source>
        <translation>Géométrie de la couche lue en {crs}.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="329"/>
        <source>{n} row(s) had coordinates written latitude first: swapped.</source>
        <translation>{n} ligne(s) avaient des coordonnées écrites latitude d'abord : inversées.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="339"/>
        <source>{n} site(s) lie outside France: check the CRS of the input (or the source CRS parameter).</source>
        <translation>{n} site(s) sont hors de France : vérifiez le SCR de l'entrée (ou le paramètre SCR source).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="344"/>
        <location filename="../processing/import_inventory.py" line="304"/>
        <location filename="../processing/import_inventory.py" line="357"/>
        <location filename="../processing/import_inventory.py" line="559"/>
        <source>Import cancelled.</source>
        <translation>Import annulé.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="402"/>
        <source>Read {rows} row(s): {imported} site(s) imported, {rejected} rejected, {warnings} warning(s).</source>
        <translation>{rows} ligne(s) lue(s) : {imported} site(s) importé(s), {rejected} rejetée(s), {warnings} avertissement(s).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="406"/>
        <source>Inventory {path}: {added} added, {updated} updated, {unchanged} unchanged (of which {kept} kept because the inventory's version is more recent).</source>
        <translation>Inventaire {path} : {added} ajouté(s), {updated} mis à jour, {unchanged} inchangé(s) (dont {kept} gardé(s) car la version de l'inventaire est plus récente).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="500"/>
        <source>Could not re-open {source} with the encoding {encoding}.</source>
        <translation>Impossible de rouvrir {source} avec l'encodage {encoding}.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="502"/>
        <source>Input read with the encoding {encoding}.</source>
        <translation>Entrée lue avec l'encodage {encoding}.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="519"/>
        <source>WKT / coordinate columns read in {crs} (parameter).</source>
        <translation>Colonnes WKT / de coordonnées lues en {crs} (paramètre).</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="524"/>
        <source>WKT / coordinate columns read in EPSG:4326: the coordinates look like degrees.</source>
        <translation>Colonnes WKT / de coordonnées lues en EPSG:4326 : les coordonnées ressemblent à des degrés.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="526"/>
        <source>WKT / coordinate columns read in EPSG:2154 (Lambert-93): the coordinates are not degrees. Set the source CRS if they are in another CRS.</source>
        <translation>Colonnes WKT / de coordonnées lues en EPSG:2154 (Lambert-93) : les coordonnées ne sont pas des degrés. Indiquez le SCR source si elles sont dans un autre SCR.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="533"/>
        <source>Fields matched by alias or mapping: {pairs}</source>
        <translation>Champs reconnus par alias ou correspondance : {pairs}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="535"/>
        <source>Input fields not used: {fields}</source>
        <translation>Champs de l'entrée non utilisés : {fields}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="537"/>
        <source>No field matches site_nom: use the field mapping, e.g. site_nom=NAME.</source>
        <translation>Aucun champ ne correspond à site_nom : utilisez la correspondance des champs, par ex. site_nom=NOM.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="544"/>
        <source>Could not open or create the inventory {path}: {error}</source>
        <translation>Impossible d'ouvrir ou de créer l'inventaire {path} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="547"/>
        <source>Created in {path}: {layers}</source>
        <translation>Créé dans {path} : {layers}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="549"/>
        <source>Fields added to the inventory: {fields}</source>
        <translation>Champs ajoutés à l'inventaire : {fields}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="583"/>
        <source>Could not write the inventory {path}: {error}</source>
        <translation>Impossible d'écrire l'inventaire {path} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="611"/>
        <source>Row {row} ({site}): {reason} → {action}</source>
        <translation>Ligne {row} ({site}) : {reason} → {action}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="632"/>
        <source>… and {n} more, see the report.</source>
        <translation>… et {n} autre(s), voir le rapport.</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="641"/>
        <source>No usable geometry: no layer geometry, no valid geompoint / geomsurf WKT, no coordinates</source>
        <translation>Aucune géométrie utilisable : ni géométrie de couche, ni WKT geompoint / geomsurf valide, ni coordonnées</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="643"/>
        <source>site_id {site_id} is already used by input row {first_row}</source>
        <translation>site_id {site_id} est déjà utilisé par la ligne {first_row}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="644"/>
        <source>The geometry could not be reprojected: {error}</source>
        <translation>La géométrie n'a pas pu être reprojetée : {error}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="645"/>
        <source>{field}: '{value}' is not in the standard's list of values</source>
        <translation>{field} : « {value} » n'est pas dans la liste de valeurs du standard</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="646"/>
        <source>{field}: '{value}' written with the standard's spelling '{new}'</source>
        <translation>{field} : « {value} » écrit avec l'orthographe du standard « {new} »</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="647"/>
        <source>{field}: legacy code '{value}' replaced by '{new}'</source>
        <translation>{field} : ancien code « {value} » remplacé par « {new} »</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="648"/>
        <source>{field}: '{value}' does not follow the standard's format</source>
        <translation>{field} : « {value} » ne respecte pas le format du standard</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="649"/>
        <source>{field}: '{value}' rewritten as '{new}' (the standard's format)</source>
        <translation>{field} : « {value} » réécrit « {new} » (format du standard)</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="650"/>
        <source>{field}: '{value}' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)</source>
        <translation>{field} : « {value} » n'est pas une date (attendu AAAA-MM-JJ ou JJ/MM/AAAA)</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="651"/>
        <source>{field}: '{value}' is not a year</source>
        <translation>{field} : « {value} » n'est pas une année</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="652"/>
        <source>{field}: '{value}' is not a whole number</source>
        <translation>{field} : « {value} » n'est pas un nombre entier</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="653"/>
        <source>{field}: '{value}' rounded to {new}</source>
        <translation>{field} : « {value} » arrondi à {new}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="654"/>
        <source>{field}: '{value}' completed with a leading zero: '{new}'</source>
        <translation>{field} : « {value} » complété d'un zéro initial : « {new} »</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="655"/>
        <source>comm_insee: '{value}' is not a 5-character INSEE code</source>
        <translation>comm_insee : « {value} » n'est pas un code INSEE de 5 caractères</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="656"/>
        <source>site_actu_date ({actu}) is earlier than site_identif_date ({identif})</source>
        <translation>site_actu_date ({actu}) est antérieure à site_identif_date ({identif})</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="658"/>
        <source>{field} is required by the standard but empty</source>
        <translation>{field} est obligatoire dans le standard mais vide</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="659"/>
        <source>comm_insee was empty: taken from site_id ('{new}')</source>
        <translation>comm_insee était vide : repris de site_id (« {new} »)</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="660"/>
        <source>{field} is not valid WKT ({error})</source>
        <translation>{field} n'est pas un WKT valide ({error})</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="661"/>
        <source>{field}: a {type} geometry is neither a point nor a polygon</source>
        <translation>{field} : une géométrie {type} n'est ni un point ni un polygone</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="662"/>
        <source>{field}: several points, their centroid is used</source>
        <translation>{field} : plusieurs points, leur centroïde est utilisé</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="663"/>
        <source>Coordinates '{value}' are not numbers</source>
        <translation>Les coordonnées « {value} » ne sont pas des nombres</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="664"/>
        <source>{field} was written latitude first ({lat} {lon}): axes swapped to longitude, latitude</source>
        <translation>{field} était écrit latitude d'abord ({lat} {lon}) : axes inversés en longitude, latitude</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="666"/>
        <source>The site (longitude {lon}, latitude {lat}) is outside France: check the CRS</source>
        <translation>Le site (longitude {lon}, latitude {lat}) est hors de France : vérifiez le SCR</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="667"/>
        <source>The polygon was invalid ({reason})</source>
        <translation>Le polygone était invalide ({reason})</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="668"/>
        <source>The polygon is invalid and could not be repaired ({reason})</source>
        <translation>Le polygone est invalide et n'a pas pu être réparé ({reason})</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="669"/>
        <source>The point is {distance} m from the site's polygon: the polygon's point on surface is used</source>
        <translation>Le point est à {distance} m du polygone du site : le point intérieur du polygone est utilisé</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="671"/>
        <source>unite_fonciere_surface was empty: set to the polygon's area ({new} m²)</source>
        <translation>unite_fonciere_surface était vide : prend l'aire du polygone ({new} m²)</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="673"/>
        <source>site_id '{value}' does not follow the standard's &lt;INSEE&gt;_&lt;id&gt; form</source>
        <translation>site_id « {value} » ne suit pas la forme &lt;INSEE&gt;_&lt;id&gt; du standard</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="674"/>
        <source>No site_id: '{new}' generated from the name, the commune and the location</source>
        <translation>Pas de site_id : « {new} » généré à partir du nom, de la commune et de la position</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="675"/>
        <source>Possible duplicate of {other_id} (input row {other_row}): points {distance} m apart</source>
        <translation>Doublon possible de {other_id} (ligne {other_row}) : points distants de {distance} m</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="677"/>
        <source>Possible duplicate of {other_id} (input row {other_row}): polygons overlap by {overlap_pct} %</source>
        <translation>Doublon possible de {other_id} (ligne {other_row}) : polygones recouverts à {overlap_pct} %</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="679"/>
        <source>The inventory's version was kept: edited on {date}, after this row's site_actu_date ({incoming})</source>
        <translation>La version de l'inventaire est gardée : modifiée le {date}, après le site_actu_date de cette ligne ({incoming})</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="681"/>
        <source>Inventory updated: {fields}</source>
        <translation>Inventaire mis à jour : {fields}</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="697"/>
        <source>kept</source>
        <translation>conservé</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="698"/>
        <source>rejected</source>
        <translation>rejetée</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="699"/>
        <source>value replaced by 'inconnu'</source>
        <translation>valeur remplacée par « inconnu »</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="700"/>
        <source>set to 'inconnu'</source>
        <translation>mis à « inconnu »</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="701"/>
        <source>value set to NULL</source>
        <translation>valeur mise à NULL</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="702"/>
        <source>value filled in</source>
        <translation>valeur complétée</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="703"/>
        <source>value normalised</source>
        <translation>valeur normalisée</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="704"/>
        <source>repaired</source>
        <translation>réparé</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="705"/>
        <source>coordinates swapped</source>
        <translation>coordonnées inversées</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="706"/>
        <source>ignored</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="707"/>
        <source>row kept with its point only</source>
        <translation>ligne gardée avec son seul point</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="708"/>
        <source>id generated</source>
        <translation>identifiant généré</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="709"/>
        <source>inventory not changed</source>
        <translation>inventaire inchangé</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="710"/>
        <source>inventory updated</source>
        <translation>inventaire mis à jour</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="715"/>
        <source>Field mapping: '{entry}' is not of the form cnig_field=source_field</source>
        <translation>Correspondance des champs : « {entry} » n'est pas de la forme cnig_field=source_field</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="716"/>
        <source>Field mapping: '{target}' is not a field of the CNIG friches standard (nor x / y)</source>
        <translation>Correspondance des champs : « {target} » n'est pas un champ du standard CNIG Friches (ni x / y)</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="718"/>
        <source>Field mapping: '{target}' is mapped twice</source>
        <translation>Correspondance des champs : « {target} » est indiqué deux fois</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="719"/>
        <source>Field mapping: the input has no field '{source}' (mapped to {target})</source>
        <translation>Correspondance des champs : l'entrée n'a pas de champ « {source} » (associé à {target})</translation>
    </message>
    <message>
        <location filename="../processing/import_inventory.py" line="725"/>
        <source>The inventory CRS {crs} is geographic: choose a projected CRS (e.g. EPSG:2154 Lambert-93) so that surfaces are in m² and distances in metres.</source>
        <translation>Le SCR de l'inventaire {crs} est géographique : choisissez un SCR projeté (par ex. EPSG:2154 Lambert-93) pour des surfaces en m² et des distances en mètres.</translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="92"/>
        <source>Download PLU zoning from the Géoportail de l'urbanisme (API Carto)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="95"/>
        <location filename="../processing/zoning_overlay.py" line="189"/>
        <source>Zoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="101"/>
        <location filename="../processing/zoning_overlay.py" line="195"/>
        <source>carte communale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="102"/>
        <source>download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="102"/>
        <source>cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="105"/>
        <source>Downloads zone_urba, secteur_cc, prescriptions and informations of the GPU into a GeoPackage, for the sites' extent or a commune.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="109"/>
        <source>&lt;p&gt;Downloads the layers of the Géoportail de l'urbanisme (GPU) through the API Carto "module Urbanisme" (IGN) into a GeoPackage, one layer per type (zone_urba, secteur_cc, prescription_surf / _lin / _pct, info_surf / _lin / _pct), in WGS 84 as the service serves them, ready for &lt;i&gt;Zoning overlay&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Where&lt;/b&gt;: the commune given by its INSEE code (its bounding box, found with &lt;code&gt;municipality?insee=&lt;/code&gt;), else the sites' extent (one request per tile of at most &lt;i&gt;tile size&lt;/i&gt; degrees that holds sites, with a margin), else the extent drawn.&lt;/p&gt;&lt;p&gt;&lt;b&gt;How&lt;/b&gt;: requests go through QGIS's network manager, so the proxy and authentication settings of QGIS apply; the service returns at most {limit} features per request and the next ones are fetched page after page (&lt;code&gt;_start&lt;/code&gt;). Features repeated across tiles are kept once.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cache&lt;/b&gt;: the GeoPackage records in its &lt;i&gt;_cache&lt;/i&gt; table the request each layer was downloaded for and when. Running again with the same request reads the layers from the file without any network (handy when the GPU is down); tick &lt;i&gt;Download again&lt;/i&gt; to refresh. Choose a file (not a temporary output) to keep the cache.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="130"/>
        <source>Sites (their extent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="131"/>
        <source>Downloads around these sites (ignored when an INSEE code is given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="133"/>
        <source>Extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="134"/>
        <source>Used when neither an INSEE code nor sites are given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="136"/>
        <source>INSEE code of a commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="137"/>
        <source>5 characters, e.g. 45234 or 2A004; takes precedence over the sites and the extent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="140"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="142"/>
        <source>The GPU layers to download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="144"/>
        <source>Download again (ignore the cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="148"/>
        <source>GeoPackage (cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="149"/>
        <source>Created or updated: one layer per type and the _cache table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="153"/>
        <source>API Carto GPU address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="155"/>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="156"/>
        <source>Features per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="158"/>
        <source>Tile size (degrees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="160"/>
        <source>Margin around the sites (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="164"/>
        <source>The service's address (another instance or a test server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="165"/>
        <source>A QGIS authentication configuration sent with the requests, if the service needs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="166"/>
        <source>At most 5,000 (the service's limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="167"/>
        <source>Large extents are split into tiles of this size; only tiles holding sites are requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="168"/>
        <source>Added around each site's bounding box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="177"/>
        <source>Features downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="178"/>
        <source>HTTP requests made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="179"/>
        <source>Layers read from the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="183"/>
        <source>zone_urba: PLU / PLUi zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="184"/>
        <source>secteur_cc: carte communale sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="185"/>
        <source>prescription_surf: prescriptions (surfaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="186"/>
        <source>prescription_lin: prescriptions (lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="187"/>
        <source>prescription_pct: prescriptions (points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="188"/>
        <source>info_surf: informations (surfaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="189"/>
        <source>info_lin: informations (lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="190"/>
        <source>info_pct: informations (points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="205"/>
        <location filename="../processing/load_gpu.py" line="220"/>
        <source>Choose at least one layer to download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="241"/>
        <source>Extent {bbox} (WGS 84) in {n} tile(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="258"/>
        <source>{layer}: {n} feature(s) read from the cache (downloaded {date}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="275"/>
        <source>{layer}: {n} feature(s) downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="281"/>
        <source>{requests} HTTP request(s); {cached} layer(s) from the cache; file {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="311"/>
        <source>The sites layer has no geometry to take an extent from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="315"/>
        <source>Give an INSEE code, a sites layer or an extent to download the GPU layers for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="320"/>
        <source>The extent {bbox} is not in longitude / latitude once reprojected: check the CRS of the sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="332"/>
        <source>Commune {insee} {name}: extent {bbox}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="335"/>
        <source>The GPU marks commune {insee} as under the RNU (no PLU nor carte communale): expect no zoning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="344"/>
        <source>{layer}: {n} feature(s) from _start={start} (total {total}): {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="359"/>
        <location filename="../processing/load_gpu.py" line="370"/>
        <location filename="../processing/load_gpu.py" line="253"/>
        <location filename="../processing/transit_coverage.py" line="537"/>
        <location filename="../processing/transit_coverage.py" line="237"/>
        <location filename="../processing/transit_coverage.py" line="285"/>
        <location filename="../processing/transit_coverage.py" line="337"/>
        <location filename="../processing/transit_coverage.py" line="377"/>
        <location filename="../processing/transit_coverage.py" line="443"/>
        <location filename="../processing/transit_service.py" line="329"/>
        <location filename="../processing/transit_service.py" line="157"/>
        <location filename="../processing/transit_service.py" line="171"/>
        <location filename="../processing/transit_service.py" line="205"/>
        <location filename="../processing/transit_service.py" line="210"/>
        <location filename="../processing/zoning_overlay.py" line="343"/>
        <location filename="../processing/zoning_overlay.py" line="376"/>
        <location filename="../processing/zoning_overlay.py" line="532"/>
        <location filename="../processing/zoning_overlay.py" line="357"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="372"/>
        <source>The API Carto GPU service did not answer in time ({url}). Try again later, or a smaller tile size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="376"/>
        <source>Could not reach the API Carto GPU service at {url}: {error}. Check the network connection and the proxy settings of QGIS (Settings &gt; Options &gt; Network). Layers already downloaded into a GeoPackage are read from it without network when the request is the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="394"/>
        <source>Could not write the layer {layer} in {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="417"/>
        <source>{layer}: {n} feature(s) without a usable {kind} geometry skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="455"/>
        <source>The API Carto GPU service refused the request (HTTP {status}, bad parameter) {url}: {message}. A smaller tile size may help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="457"/>
        <source>The API Carto GPU service failed (HTTP {status}) for {url}: {message}. The GPU may be down: try again later; layers already in the GeoPackage stay usable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="460"/>
        <source>The API Carto GPU service answered HTTP {status} for {url}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="461"/>
        <source>The answer of {url} (HTTP {status}) is not a GeoJSON FeatureCollection: {message}. Check the service address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="463"/>
        <source>The service at {url} ignores the _start parameter: it cannot be paged past the first page. Check the service address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="465"/>
        <source>The GPU knows no commune with the INSEE code {insee}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/load_gpu.py" line="466"/>
        <location filename="../processing/load_gpu.py" line="202"/>
        <source>'{value}' is not an INSEE commune code (5 characters, e.g. 45234 or 2A004).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="55"/>
        <source>on foot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="55"/>
        <source>by bike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="55"/>
        <source>by car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="60"/>
        <source>Road network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="61"/>
        <source>Lines of the road network, in any CRS (a geographic one is reprojected to a projected CRS in metres). Every vertex is a node: OpenStreetMap ways need not be split at intersections; lines crossing without a shared vertex (bridges) are not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="69"/>
        <source>Network schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="71"/>
        <source>Detect from the fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="72"/>
        <source>OpenStreetMap (highway, oneway, maxspeed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="73"/>
        <source>IGN BD TOPO (nature, sens_de_circulation, vitesse_moyenne_vl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="74"/>
        <source>Generic (every line, both ways, one speed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="78"/>
        <source>How to read the road attributes. Detection: a 'highway' field means OpenStreetMap (also read from GDAL's 'other_tags'), 'nature' with 'sens_de_circulation' or 'vitesse_moyenne_vl' means BD TOPO, otherwise generic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="83"/>
        <source>Travel mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="83"/>
        <source>Walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="83"/>
        <source>Bike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="83"/>
        <source>Car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="84"/>
        <source>Walk: 4.8 km/h, one-way streets ignored, no motorways or trunk roads. Bike: 15 km/h (walking pace on footways and steps), one-way streets followed unless open to bikes, no motorways. Car: one-way streets followed, no footways, paths, steps or cycleways; speed from maxspeed or vitesse_moyenne_vl, else from the road class. Free-flow times: no congestion, no turn or crossing delays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="92"/>
        <source>Speed (km/h), replaces the default speeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="95"/>
        <source>Leave empty for the defaults: walk 4.8 km/h, bike 15 km/h, car from the road attributes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="98"/>
        <source>Speed field (km/h), generic schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="101"/>
        <source>For a network in the generic schema: each line's speed; lines without a value take the mode's default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="105"/>
        <source>Largest distance from a site to the network (m, 0 = default of the mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="108"/>
        <source>A site farther than this from every road usable in the mode is reported as not connected (by name, with its distance) instead of getting an empty catchment. Defaults: 300 m on foot and by bike, 500 m by car. The distance between the site and the road is not counted as travel time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="116"/>
        <source>Snapping of dangling line ends (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="119"/>
        <source>A line end touching nothing is joined to the nearest vertex within this distance (digitising gaps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="123"/>
        <source>Width around the reached roads (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="126"/>
        <source>Polygons are the reached roads (edges crossing the time limit cut at the exact point) widened by this distance on each side. No point of a polygon is farther than this from a road reached in time, except in filled holes (see below); never more than 50 m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="133"/>
        <source>Fill small holes (blocks surrounded by reached roads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="134"/>
        <source>Fill a hole of a polygon only when every point of it lies within 50 m of a reached road (width minus the buffer), so city blocks count but parks, fields and rivers do not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="143"/>
        <source>Population grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="144"/>
        <source>Polygons with a population count, spread evenly over each polygon: by default the INSEE Filosofi 200 m grid (field 'ind'). A polygon covering 30 % of a cell counts 30 % of its population.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="150"/>
        <source>Population field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="153"/>
        <source>Count of people per polygon ('ind' in INSEE Filosofi).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="202"/>
        <source>The network's CRS ({crs}) is not projected in metres: the analysis runs in {chosen}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="312"/>
        <source>The population layer has no field '{field}': choose the field holding the number of people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="331"/>
        <source>Population: {n} polygons, {total} people in field '{field}'{grid}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="333"/>
        <source> (regular grid: exact fast method)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="350"/>
        <source>connected ({distance} m from the road)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="353"/>
        <source>not connected: no road usable in this mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="354"/>
        <source>not connected: {distance} m from the nearest road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="356"/>
        <source>not connected: no geometry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="362"/>
        <source>The road network has no line geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="363"/>
        <source>Unknown travel mode '{mode}'.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="364"/>
        <source>Unknown network schema '{schema}'.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="397"/>
        <source>speed {speed} km/h everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="399"/>
        <source>speed {speed} km/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="400"/>
        <source>car speed from the speed field on {field} lines, from the road class on {table}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="416"/>
        <source>generic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="423"/>
        <source>No line of the network '{layer}' can be used {mode} with the {schema} schema: check the schema and the mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="427"/>
        <source>Network ({schema} schema): {lines} lines, {open} usable {mode}; {nodes} nodes, {segments} segments; {snapped} line ends snapped; {speed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/network_io.py" line="477"/>
        <source>{what} '{name}' is {status} (tolerance {tolerance} m, {mode}): no catchment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="51"/>
        <source>Friches &amp; Tiers-Lieux: friches inventory and tiers-lieux siting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="99"/>
        <source>Transit coverage of sites and territory (PTAL, ÖV classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="102"/>
        <location filename="../processing/transit_service.py" line="62"/>
        <source>Transit coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="108"/>
        <location filename="../processing/transit_service.py" line="68"/>
        <source>transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="108"/>
        <location filename="../processing/transit_service.py" line="68"/>
        <source>public transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="109"/>
        <source>accessibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="109"/>
        <source>coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="109"/>
        <source>parking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="112"/>
        <source>Nearest stop, departures within 500 m, PTAL and ÖV class of each site and of a grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="115"/>
        <source>&lt;p&gt;Measures how well public transport serves each site, and the same indices on a grid of the territory, from a GTFS feed (departures counted as in &lt;i&gt;Transit service per stop&lt;/i&gt;).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Site fields&lt;/b&gt;: &lt;i&gt;nearest_stop&lt;/i&gt; (name) and &lt;i&gt;nearest_stop_id&lt;/i&gt; of the nearest stop with a departure in the day or peak window; &lt;i&gt;nearest_stop_m&lt;/i&gt;, the walking distance along the network when one is given, the straight line otherwise (&lt;i&gt;nearest_stop_method&lt;/i&gt; says which: a site off the network, or with no stop within {search} km along it, falls back to the straight line); &lt;i&gt;dep_500m_h&lt;/i&gt;, the vehicle journeys per hour of the peak window leaving from stops within 500 m (the distance French parking rules use; a bus calling at two nearby stops counts once); &lt;i&gt;ptal_ai&lt;/i&gt; and &lt;i&gt;ptal&lt;/i&gt;; &lt;i&gt;oev_class&lt;/i&gt;. Polygons are measured from their point on surface (a point inside the polygon); their geometry is kept.&lt;/p&gt;&lt;p&gt;&lt;b&gt;PTAL&lt;/b&gt; (Transport for London method): walking at 80 m/min to bus stops within 640 m and to rail, metro and tram stops within 960 m; for each route, the frequency f of its busier direction in the peak window (default 08:15-09:15); waiting time 0.5 × 60 / f plus 2 min (bus) or 0.75 min (rail, metro, tram); EDF = 30 / (walk + wait); each route once, at its best stop; per mode the best EDF plus half the others; the access index &lt;i&gt;ptal_ai&lt;/i&gt; is the sum over modes and the band &lt;i&gt;ptal&lt;/i&gt; is 0 (no service), 1a (up to 2.5), 1b (5), 2 (10), 3 (15), 4 (20), 5 (25), 6a (40) or 6b (above 40).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ÖV-Güteklassen&lt;/b&gt; (Swiss ARE method, classes A to D): at each stop, the mean interval between departures over the day window (default 06:00-20:00) per direction, and the best mode (A: rail and metro, B: tram and funicular, C: bus and others) give a stop category I to V; the class follows from the category and the distance: up to 300, 500, 750 and 1000 m. The best class over the nearby stops wins; empty means no class.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Grid&lt;/b&gt;: square cells (100 m by default) over the extent (default: the sites plus 1 km), with ptal_ai, ptal, oev_class and dep_500m_h measured from each cell's centre in straight line, styled with the PTAL colours (dark blue: poor, to dark red: excellent). Set the cell size to 0 for no grid.&lt;/p&gt;&lt;p&gt;Distances are computed in the sites' CRS when it is projected, otherwise in Lambert-93 (EPSG:2154) in metropolitan France and the local UTM zone elsewhere.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="149"/>
        <source>Points or polygons (polygons are measured from their point on surface).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="153"/>
        <source>Peak window start (HH:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="154"/>
        <source>Peak window end (HH:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="156"/>
        <source>Walking network (lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="157"/>
        <source>Optional street or footpath lines for walking distances from the sites; without it, distances are straight lines. Lines must share a vertex to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="161"/>
        <source>Grid cell size (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="162"/>
        <source>Side of the grid cells; 0 for no grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="164"/>
        <source>Grid extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="165"/>
        <source>Area covered by the grid; default: the sites' extent plus 1 km.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="167"/>
        <source>ÖV day window start (HH:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="169"/>
        <source>Start of the window of the ÖV-Güteklassen intervals (ARE: 06:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="172"/>
        <source>ÖV day window end (HH:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="173"/>
        <source>End of the window of the ÖV-Güteklassen intervals (ARE: 20:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="177"/>
        <location filename="../processing/transit_service.py" line="110"/>
        <source>Group platforms under their parent station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="178"/>
        <source>Count the platforms of a station as one stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="181"/>
        <source>Sites with transit coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="182"/>
        <source>The sites with nearest_stop, nearest_stop_id, nearest_stop_m, nearest_stop_method, dep_500m_h, ptal_ai, ptal, oev_class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="186"/>
        <source>Transit coverage grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="187"/>
        <source>Grid cells with ptal_ai, ptal, oev_class and dep_500m_h, in PTAL colours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="189"/>
        <location filename="../processing/transit_service.py" line="121"/>
        <source>Date analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="190"/>
        <source>Grid cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="238"/>
        <source>{date}: {peak} departures in the peak window {ps}-{pe}, {day} in the day window {ds}-{de}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="247"/>
        <source>Distances measured in {crs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="256"/>
        <source>No stop has a departure in the windows on {date}: every index is 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="308"/>
        <source>{n} site(s) without geometry, or whose coordinates cannot be transformed (check the layer's CRS): their transit fields are empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="318"/>
        <source>No grid: no extent given and no site to take it from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="367"/>
        <source>The walking network has no lines: straight-line distances are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="369"/>
        <source>Walking network: {n} lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="397"/>
        <source>{n} site(s) reach no stop within {km} km along the network (off the network, or in a part of it not connected to any stop): straight-line distances are used for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="430"/>
        <source>The grid would have {n} cells (more than {max}): choose larger cells or a smaller extent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_coverage.py" line="438"/>
        <source>Grid: {nx} × {ny} cells of {cell} m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="59"/>
        <source>Transit service per stop (GTFS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="68"/>
        <source>frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="69"/>
        <source>headway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="69"/>
        <source>departures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="69"/>
        <source>stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="72"/>
        <source>Counts the departures of every stop of a GTFS feed in a time window of a day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="75"/>
        <source>&lt;p&gt;Reads a GTFS feed (zip) and counts, at every stop, the departures of a given day between a start and an end time, with the routes and modes that serve it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;What counts as a departure&lt;/b&gt;: a vehicle leaving a stop where passengers may board. Arrivals at a trip's last stop and stop times with pickup_type 1 (no pickup) are not departures. The window includes its start and excludes its end.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Service day&lt;/b&gt;: the services active on the date come from calendar.txt and calendar_dates.txt (added and removed dates; feeds with calendar_dates.txt only are read too). GTFS times may exceed 24:00: a trip of the day before at 25:10 leaves at 01:10 on the date and is counted there. Trips of frequencies.txt run every headway_secs from start_time while the start is before end_time (exact_times 0 or 1 alike); their template times are not counted as an extra trip. Stops with no time are interpolated between timed stops.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Date&lt;/b&gt;: when empty, a representative weekday inside the feed's validity: the first Tuesday, Wednesday or Thursday whose number of trips is the most common among weekdays (not a holiday). The date used is written in the log.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Stops&lt;/b&gt;: platforms are grouped under their parent station when asked (one point per station); stations without platforms, entrances, generic nodes and boarding areas are never listed (boarding areas count at their platform).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fields&lt;/b&gt;: stop_id, stop_name, departures (in the window), departures_per_hour, mean_headway_min (window length / departures: the headway of a regular service with the same count; empty without departures), routes (distinct routes), route_names, modes (rail, metro, tram, bus... from route_type, extended codes 100-1700 included).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Routes&lt;/b&gt; (optional output): one line per route running on the date, from shapes.txt (or through its stops when the feed has no shapes), with its departures in the window (distinct vehicle journeys) and per hour.&lt;/p&gt;&lt;p&gt;A malformed feed (a missing file or column, an unreadable time, a stop_times row pointing to an unknown stop or trip...) stops the algorithm with a message naming the file and the row.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="111"/>
        <source>One point per station (parent_station) instead of one per platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="113"/>
        <source>Stops with their service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="114"/>
        <source>Points (EPSG:4326) with departures, departures_per_hour, mean_headway_min, routes, route_names, modes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="118"/>
        <source>Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="119"/>
        <source>Lines of the routes running on the date (from shapes.txt when present).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="122"/>
        <source>Stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="123"/>
        <source>Departures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="158"/>
        <source>{deps} departures at {stops} stops between {start} and {end}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="258"/>
        <source>GTFS feed (zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="259"/>
        <source>A GTFS zip: stops, routes, trips, stop_times and calendar and/or calendar_dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="261"/>
        <source>Date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="262"/>
        <source>The service day analysed. Empty: a representative weekday inside the feed's validity, written in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="266"/>
        <source>Start time (HH:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="267"/>
        <source>Start of the time window, included (HH:MM or HH:MM:SS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="270"/>
        <source>End time (HH:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="271"/>
        <source>End of the time window, excluded (HH:MM or HH:MM:SS; may exceed 24:00, e.g. 25:00 for 1 a.m. the next morning).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="288"/>
        <source>'{value}' is not a time: write HH:MM, e.g. 07:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="290"/>
        <source>The end time ({end}) must be after the start time ({start}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="306"/>
        <source>'{value}' is not a date: write YYYY-MM-DD, e.g. 2025-03-18.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="323"/>
        <source>Reading {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="330"/>
        <source>{stops} stops, {routes} routes, {trips} trips, {times} stop times{freq}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="332"/>
        <source>, {n} frequencies.txt periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="349"/>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="349"/>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="349"/>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="349"/>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="349"/>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="350"/>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="350"/>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="352"/>
        <source>Date analysed: {date} ({weekday}), {trips} trips run that day; the feed runs from {first} to {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="356"/>
        <source>No trip runs on {date}: every count is 0. The feed runs from {first} to {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="359"/>
        <source>Date analysed: {date} ({weekday}), a representative weekday of the feed (valid from {first} to {last}): {trips} trips, the most common number among the {n} weekdays examined ({like} weekdays have it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="365"/>
        <source>No weekday of the feed has any trip: analysing its busiest day, {date} ({weekday}, {trips} trips).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="373"/>
        <source>GTFS file {file}, row {row} (line {line})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="375"/>
        <source>GTFS file {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="376"/>
        <source>GTFS feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="385"/>
        <source>The GTFS file {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="386"/>
        <source>{path} is not a zip file ({reason}): a GTFS feed is a zip of .txt files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="387"/>
        <source>The feed has no {file}: it is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="388"/>
        <source>{where}: the required column '{column}' is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="389"/>
        <source>{where}: the file is empty (no header).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="390"/>
        <source>{where}: the line cannot be read as CSV ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="391"/>
        <source>{where}: the file is neither UTF-8 nor windows-1252 ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="392"/>
        <source>{where}: '{value}' in {column} is not a time (HH:MM:SS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="393"/>
        <source>{where}: '{value}' in {column} is not a valid number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="394"/>
        <source>{where}: '{value}' in {column} is not a date (YYYYMMDD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="395"/>
        <source>{where}: '{value}' is not an allowed value of {column}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="396"/>
        <source>{where}: the coordinates ({lat}, {lon}) are out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="397"/>
        <source>{where}: {column} is empty but required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="398"/>
        <source>{where}: {column} '{value}' appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="399"/>
        <source>{where}: route_id '{value}' is not in routes.txt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="400"/>
        <source>{where}: trip_id '{value}' is not in trips.txt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="401"/>
        <source>{where}: stop_id '{value}' is not in stops.txt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="402"/>
        <source>{where}: the first and last stops of trip '{trip_id}' must have a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="403"/>
        <source>{where}: end_time {end} is not after start_time {start}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="404"/>
        <source>{where}: no service runs on any date (calendar.txt and calendar_dates.txt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="405"/>
        <source>The walking network has no line with two points or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="408"/>
        <source>The feed has neither {file} nor {alternative}: one of them is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="412"/>
        <location filename="../processing/transit_service.py" line="417"/>
        <source>{where}: invalid feed ({code}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="422"/>
        <source>{file} is not UTF-8: read as windows-1252.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="423"/>
        <source>{file}, row {row}: parent_station '{value}' is not a stop ({count} rows): those stops are not grouped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="425"/>
        <source>{file}, row {row}: service_id '{value}' is in no calendar ({count} trips): those trips never run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/transit_service.py" line="427"/>
        <source>{file}: {count} stop times without a time, interpolated between the timed stops of their trip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="186"/>
        <source>Zoning overlay (PLU, carte communale, SCOT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="195"/>
        <source>zoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="196"/>
        <source>prescriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="196"/>
        <source>digital inclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="199"/>
        <source>Zone shares, prescriptions and SCOT of each site, and whether coworking, fablab and digital-inclusion uses fit there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="203"/>
        <source>&lt;p&gt;For each site: the zones of the PLU / PLUi (CNIG &lt;i&gt;ZONE_URBA&lt;/i&gt;) or carte communale (&lt;i&gt;SECTEUR_CC&lt;/i&gt;) it lies in, the prescriptions and informations on it, its SCOT, and whether a coworking, a fablab or a digital-inclusion place (médiation numérique) fits the zoning.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Zone shares&lt;/b&gt;: u_pct, auc_pct, aus_pct, a_pct and n_pct are the shares of the site's zoned area in U, AUc, AUs, A and N zones (they sum to 100); zoned_pct is the share of the site covered by the document's zones. TYPEZONE is read in any case; legacy Ah counts as A, Nh and Nd as N, an unqualified AU as AUs; a LIBELLE ZURNU (a PLUi zone under the RNU) and a carte communale sector 99 are outside the document. Carte communale sectors: 01 (ZC) and 02 (ZCa, activities) count as U, 03 (ZnC) as N. A point site takes the zone that contains it (100 %). zone_libelle and zone_type are those of the dominant zone (the largest area on the site); &lt;i&gt;zones&lt;/i&gt; lists every zone with its share.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Prescriptions and informations&lt;/b&gt; are listed with the French label of their TYPEPSC-STYPEPSC / TYPEINF-STYPEINF code and, for surfaces, the share of the site they cover (at least {min_share} %); lines and points count when they touch the site; around a point site, everything within the &lt;i&gt;search distance&lt;/i&gt;. psc_codes and inf_codes list the codes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Compatibility&lt;/b&gt; (compat_coworking, compat_fablab, compat_mediation: compatible, conditional, incompatible or unknown, each with its reason in the *_why field) comes from an editable rules table evaluated on the dominant zone: by default U and AUc compatible, AUs conditional (plan change), A and N incompatible except a STECAL or a building allowed to change use, ZnC conditional (reuse of existing buildings); the zone's DESTOUI / DESTCDT / DESTNON decide first when filled (coworking 53 or 34, fablab 51 or 31, médiation 41, 46 or 43). Another zone covering at least {other} % of the site with another result is named in the reason. See resources/zoning/README.md.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data defects handled&lt;/b&gt;: field names in any case (GPU exports are lower case), invalid geometries repaired (bow-ties, self-intersections; counted in the log) even when Processing is set to stop on invalid features, multi-part zones counted once, layers in another CRS reprojected (areas are measured in the sites' CRS, or Lambert-93 / the territory's official CRS when the sites are in degrees), latin-1 shapefiles without .cpg re-read in windows-1252. A missing required field (TYPEZONE and LIBELLE, or TYPESECT; TYPEPSC; TYPEINF) stops the algorithm with its name.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="239"/>
        <source>The sites (points or polygons), e.g. the inventory's friches or friches_emprises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="244"/>
        <source>Names the sites in the log (any case); the feature id when missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="247"/>
        <source>Zoning (ZONE_URBA or SECTEUR_CC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="248"/>
        <source>A CNIG ZONE_URBA layer (fields TYPEZONE, LIBELLE; optional LIBELONG, IDURBA, FORMDOMI, DESTDOMI, DESTOUI, DESTCDT, DESTNON) or a carte communale SECTEUR_CC layer (TYPESECT, LIBELLE), e.g. from friches:load_gpu or the GPU. Field names in any case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="254"/>
        <source>Prescriptions (surfaces, lines, points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="255"/>
        <source>PRESCRIPTION_SURF / _LIN / _PCT layers (TYPEPSC, STYPEPSC; optional LIBELLE, TXT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="258"/>
        <source>Informations (surfaces, lines, points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="259"/>
        <source>INFO_SURF / _LIN / _PCT layers (TYPEINF, STYPEINF; optional LIBELLE, TXT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="262"/>
        <source>SCOT perimeter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="263"/>
        <source>The CNIG PERIMETRE_SCOT layer (or any SCOT outline with a name field).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="266"/>
        <source>SCOT name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="267"/>
        <source>Field of the SCOT layer holding its name (any case); when missing, nom, name, libelle or IDURBA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="271"/>
        <source>Compatibility rules (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="273"/>
        <source>An edited copy of resources/zoning/compatibility_rules.csv; the shipped table when empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="277"/>
        <source>Search distance around point sites (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="279"/>
        <source>Prescriptions and informations within this distance of a point site are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="283"/>
        <source>Sites with zoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="284"/>
        <source>The sites with their fields and the zoning fields listed above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="287"/>
        <source>Zones (repaired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="288"/>
        <source>The zones as used: valid geometries in the working CRS, with zone_family, zone_type and geom_repaired; styled with the CNIG colours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="292"/>
        <source>Sites outside the zoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="293"/>
        <source>Zones read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="294"/>
        <source>Geometries repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="327"/>
        <source>The sites layer '{layer}' has no geometry: import it with friches:import_inventory first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="372"/>
        <source>nearby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="381"/>
        <source>Site {site}: outside the zones of the zoning layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="447"/>
        <source>Neither the sites nor the zones have a CRS: they are assumed to be in Lambert-93 (EPSG:2154).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="462"/>
        <source>The sites are in degrees ({crs}): areas are measured in {work}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="480"/>
        <source>{layer}: feature {fid} could not be reprojected, ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="493"/>
        <source>{layer}: feature {fid} has an invalid geometry that could not be repaired, ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="504"/>
        <source>The zones layer '{layer}' has no TYPEZONE field (CNIG ZONE_URBA) nor TYPESECT field (carte communale SECTEUR_CC). Fields found: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="509"/>
        <source>The zones layer '{layer}' has no LIBELLE field, required by the CNIG ZONE_URBA standard. Fields found: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="515"/>
        <source>{layer}: shapefile without declared encoding, read as {encoding}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="517"/>
        <source>Zones read as {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="518"/>
        <source>carte communale sectors (TYPESECT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="518"/>
        <source>PLU zones (TYPEZONE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="523"/>
        <source>Zones reprojected from {source} to {dest}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="565"/>
        <source>{n} zone(s) read from {layer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="567"/>
        <source>{n} invalid zone geometry(ies) repaired (make_valid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="569"/>
        <source>{n} multi-part zone(s): each counted as one zone, its parts together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="579"/>
        <source>{n} zone type(s) written in another case, normalised: {values}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="582"/>
        <source>{n} zone(s) with a legacy TYPEZONE (Ah counted as A, Nh and Nd as N): {values}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="586"/>
        <source>{n} zone(s) typed AU without c / s: counted as AUs (the stricter reading).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="590"/>
        <source>{n} zone(s) with an empty or unknown type, typed from their LIBELLE: {values}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="594"/>
        <source>{n} sector(s) with TYPESECT written in words: {values}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="597"/>
        <source>{n} zone(s) outside the document (RNU, ZURNU or sector 99): not counted in the shares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="601"/>
        <source>{n} zone(s) with an unreadable type, not counted in the shares: {values}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="610"/>
        <source>{layer} has TYPEINF and no TYPEPSC: read as informations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="614"/>
        <source>{layer} has TYPEPSC and no TYPEINF: read as prescriptions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="620"/>
        <source>The layer '{layer}' has no {field} field, required by the CNIG standard. Fields found: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="625"/>
        <source>{layer} has no sub-type field: sub-codes read as 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="638"/>
        <source>prescription(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="638"/>
        <source>information(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="639"/>
        <source>{n} {what} read from {layer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="650"/>
        <source>SCOT layer: no field {wanted}, names read from {field}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="653"/>
        <source>SCOT layer: no field {wanted} nor a name field; the SCOT is named by its feature id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="707"/>
        <source>[{pct} of the site in zone {zone}: {result}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="715"/>
        <source>compatible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="716"/>
        <source>conditional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="717"/>
        <source>incompatible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="718"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="752"/>
        <source>… further warnings not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="757"/>
        <source>{n} site(s): {covered} covered by the zoning, {partial} partly, {outside} outside, {empty} without geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="763"/>
        <source>{n} invalid site geometry(ies) repaired for the overlay (the output keeps the input geometry).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="766"/>
        <source>{n} invalid prescription / information / SCOT geometry(ies) repaired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="771"/>
        <source>The rules table {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="772"/>
        <source>The rules table {path} cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="773"/>
        <source>The rules table {path} has no rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="774"/>
        <source>The rules table {path} lacks the column(s) {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="775"/>
        <source>Rules table {path}, line {line}: priority '{value}' is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="776"/>
        <source>Rules table {path}, line {line}: result '{value}' is not compatible, conditional, incompatible or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="778"/>
        <source>Rules table {path}, line {line}: unknown use '{value}' (coworking, fablab, mediation or *).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="780"/>
        <source>Rules table {path}, line {line}: condition '{value}' cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="781"/>
        <source>Rules table {path}, line {line}: unknown condition '{value}'.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zoning_overlay.py" line="782"/>
        <source>Rules table {path}, line {line}: condition '{value}' needs codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="162"/>
        <source>required, please fill it in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="167"/>
        <location filename="../ui/friche_form.py" line="172"/>
        <source>“{value}” is not a value of the standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="175"/>
        <source>“{value}” does not have the expected form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="177"/>
        <source>{value} is not a valid year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="210"/>
        <source>The layer cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="221"/>
        <source>Edit friche {site_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="224"/>
        <source>The new values could not be written to the layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="230"/>
        <source>Unknown error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="277"/>
        <source>Required by the standard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="359"/>
        <location filename="../ui/friche_form.py" line="387"/>
        <source>{value} (not in the standard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="372"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="402"/>
        <source>not filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="491"/>
        <source>Edit friche – {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="502"/>
        <source>(unnamed friche)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="504"/>
        <source>Identifier {site_id} · fields marked * are required; the update date is set to today when you save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="543"/>
        <source>Computed at import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="598"/>
        <source>The identifier links the point to its polygon; it cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="603"/>
        <source>Set to today when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="639"/>
        <source>Please correct these fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="689"/>
        <source>The changes could not be saved to the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="691"/>
        <source>They are kept in the layer's edit buffer (the layer stays in edit mode): fix the problem and click Save again, or save or discard the layer's edits in QGIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="706"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="707"/>
        <location filename="../ui/inventory_dock.py" line="226"/>
        <location filename="../ui/inventory_model.py" line="238"/>
        <source>Municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="708"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="709"/>
        <source>Ownership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="710"/>
        <source>Pollution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="711"/>
        <source>Land unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="712"/>
        <source>Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="713"/>
        <source>Access to networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="714"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="715"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="721"/>
        <source>Site area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="722"/>
        <source>Area source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/friche_form.py" line="723"/>
        <source>Import notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="179"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="186"/>
        <source>Point layer of the friches inventory (CNIG friches fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="190"/>
        <source>Open an inventory GeoPackage and add its layers to the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="207"/>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="218"/>
        <source>Name, identifier, municipality…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="219"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="221"/>
        <source>Status of the site (site_statut)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="222"/>
        <location filename="../ui/inventory_model.py" line="238"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="223"/>
        <source>Type of site (site_type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="224"/>
        <location filename="../ui/inventory_model.py" line="238"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="225"/>
        <source>Municipality (comm_nom, comm_insee)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="230"/>
        <source>Smallest area shown, in hectares (site_surface)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="231"/>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="232"/>
        <source>Largest area shown, in hectares (site_surface)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="233"/>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="238"/>
        <location filename="../ui/inventory_model.py" line="238"/>
        <source>Area (ha)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="240"/>
        <source>Reset filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="287"/>
        <source>Zoom to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="288"/>
        <source>Zoom the map to the friches listed (or to the selected ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="290"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="291"/>
        <source>Edit the attributes of the selected friche (or double-click a row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="312"/>
        <location filename="../ui/inventory_dock.py" line="547"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="464"/>
        <source>Choose the point layer of a friches inventory, or open an inventory GeoPackage with the folder button.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="470"/>
        <source>The layer “{layer}” is not a friches inventory: it lacks the field(s) {fields} of the CNIG friches standard. Import the file with “Import a friches inventory…” or choose another layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="514"/>
        <source>{n} field(s) of the CNIG standard are missing from this layer ({fields}): the list and the form show the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="527"/>
        <source>(not filled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="536"/>
        <source>{value} (not in the standard) · {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="539"/>
        <source>(not filled) · {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="792"/>
        <source>Changes kept in the layer's edit buffer: save the layer's edits to write them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="810"/>
        <source>Open a friches inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_dock.py" line="825"/>
        <source>“{file}” has no “{layer}” point layer: is it an inventory GeoPackage written by “Import a friches inventory…”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py" line="211"/>
        <source>{value} m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py" line="220"/>
        <source>1 friche · total {ha} ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py" line="221"/>
        <source>{n} friches · total {ha} ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py" line="222"/>
        <source>{n} of {total} friches · total {ha} ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py" line="238"/>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py" line="238"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py" line="284"/>
        <source>{field} · right-click to show or hide columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inventory_model.py" line="303"/>
        <source>Unknown area</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
