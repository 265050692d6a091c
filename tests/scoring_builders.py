"""Sites described by their facts, shared by the scoring tests."""


def full_site(**overrides):
    """A well-documented town-centre site (every analysis present)."""
    facts = {
        "site_id": "45999_0017", "site_nom": "Ancien garage du Centre", "site_statut": "friche sans projet",
        "bati_etat": "dégradation moyenne", "bati_surface": 620.0, "site_surface": 900.0, "free_land_m2": 280.0,
        "sol_pollution_existe": "pollution peu probable", "bati_pollution": "plomb", "owner": "public",
        "nearest_stop": "Hôtel de Ville", "nearest_stop_m": 180.0, "ptal": "3", "dep_500m_h": 22.0,
        "compat_coworking": "compatible", "compat_fablab": "conditional", "compat_mediation": "compatible",
        "zone_libelle": "UA", "pop_walk": 11400.0, "pop_walk_min": "15\u00a0min", "pop_mode": "walk",
        "pop_car": 30000.0, "pop_car_min": "20\u00a0min", "new_pop": 1200.0, "new_pop_min": "15\u00a0min",
        "place_m_coworking": 650.0, "place_name_coworking": "Coworking du Martroi",
        "place_m_fablab": 2100.0, "place_name_fablab": "FabLab des Fontaines",
        "place_m_mediation": 900.0, "place_name_mediation": "Point numérique",
        "services_500m": 2, "centre_m": 120.0, "centre_name": "Hôtel de ville", "qpv_m": 1400.0,
        "qpv_name": "Les Tilleuls", "qpv_inside_name": None, "school_m": 800.0, "school_name": "Lycée Jean Moulin",
    }
    facts.update(overrides)
    return facts
