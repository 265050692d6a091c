"""Street names by theme, handed out without repeats inside a commune.

Real towns name their centre after trades and saints, their faubourgs after the Republic's great men
and women, their housing estates after trees, flowers and birds.
"""

from __future__ import annotations

import random

# Street names, by theme. Real towns name their centre after trades and saints, their faubourgs after
# the Republic's great men and women, their housing estates after trees, flowers and birds.
# fmt: off
NAMES_CENTRE = [
    "des Orfèvres", "de la Boucherie", "des Cordeliers", "des Tisserands", "du Four", "des Halles", "de la Monnaie",
    "du Puits", "de l'Écu", "du Cygne", "du Grenier à Sel", "des Carmes", "des Bons Enfants", "Saint-Pierre",
    "Saint-Jacques", "Sainte-Anne", "Notre-Dame", "du Cloître", "de la Poterne", "de la Tour", "du Bourg",
    "aux Herbes", "des Prêcheurs", "du Change", "des Forges", "de la Pelleterie", "des Chapeliers", "des Minimes",
    "des Ursulines", "du Chapitre", "Pavée", "des Trois Maillets", "du Lion d'Or", "de la Croix Blanche",
    "Jeanne d'Arc", "du Cheval Blanc", "de l'Ange", "des Trois Rois", "de la Harpe", "du Dauphin",
    "de la Pomme de Pin", "du Petit Pont", "des Moulins", "du Marché aux Grains", "des Cloutiers", "des Potiers",
    "de la Cordonnerie", "du Pilori", "des Remparts", "de la Herse", "du Prieuré", "Saint-Éloi", "Saint-Nicolas",
    "Sainte-Catherine", "des Écoles", "du Collège", "de la Juridiction", "du Bailliage", "des Fossés",
    "de la Porte Dorée", "du Coq", "de l'Étape", "des Savetiers", "des Bouchers", "du Heaume",
    "de la Petite Boucherie", "des Corroyeurs", "de la Vieille Poste", "du Sabot", "de l'Éperon", "des Lombards",
]
# fmt: on
# fmt: off
NAMES_PEOPLE = [
    "Victor Hugo", "Pasteur", "Jules Ferry", "Voltaire", "Émile Zola", "Georges Clemenceau", "Léon Blum",
    "Marie Curie", "Anatole France", "Paul Bert", "Aristide Briand", "Roger Salengro", "Jean Zay", "Simone Veil",
    "Lucie Aubrac", "George Sand", "Alphonse Daudet", "Frédéric Mistral", "Albert Camus", "Colette", "Molière",
    "Racine", "La Fontaine", "Corneille", "Rabelais", "Condorcet", "Danton", "Lamartine", "Michelet",
    "Edmond Rostand", "Guy de Maupassant", "Antoine de Saint-Exupéry", "Pierre Brossolette", "Guy Môquet",
    "Gabriel Péri", "Jean Jaurès", "Louise Michel", "Olympe de Gouges", "Louis Aragon", "Paul Éluard",
    "Charles Péguy", "Honoré de Balzac", "Gustave Flaubert", "Stendhal", "Alexandre Dumas", "Jules Verne",
    "Arthur Rimbaud", "Paul Verlaine", "Charles Baudelaire", "Pierre Loti", "Romain Rolland", "Marcel Pagnol",
    "Jean Giono", "François Mauriac", "André Malraux", "Jean Monnet", "Robert Schuman", "Pierre Curie",
    "Paul Langevin", "Jean Macé", "Ferdinand Buisson", "Maximilien Robespierre", "Camille Desmoulins",
    "Auguste Blanqui", "Jean-Baptiste Clément", "Louis Braille", "Abbé Pierre", "Germaine Tillion", "Joséphine Baker",
    "Simone de Beauvoir", "Marguerite Yourcenar", "Jean Rostand", "Henri Barbusse", "Émile Combes",
    "Raymond Poincaré", "Jean Mermoz", "Hélène Boucher", "Maryse Bastié", "Roland Garros", "Jean Bart", "Surcouf",
    "Du Guesclin", "Bayard", "Lafayette", "Carnot", "Kléber", "Marceau", "Hoche", "Turenne", "Vauban", "Sully",
    "Colbert", "Mirabeau", "Diderot", "Montesquieu", "Rousseau", "Charles Perrault", "Jacques Cartier", "Champlain",
    "La Pérouse", "Dumont d'Urville", "Bougainville", "Paul Doumer", "Félix Faure", "Sadi Carnot", "Armand Fallières",
    "Émile Loubet", "Gaston Monnerville",
]
# fmt: on
# fmt: off
NAMES_NATURE = [
    "des Tilleuls", "des Acacias", "des Peupliers", "des Chênes", "des Érables", "des Platanes", "des Charmes",
    "des Saules", "des Bouleaux", "des Marronniers", "des Noyers", "des Ormes", "des Frênes", "des Aulnes",
    "des Sorbiers", "des Cerisiers", "des Pommiers", "des Noisetiers", "des Sureaux", "des Merisiers", "des Lilas",
    "des Roses", "des Violettes", "des Coquelicots", "des Bleuets", "des Iris", "des Glycines", "des Hortensias",
    "des Jonquilles", "des Primevères", "des Pervenches", "des Myosotis", "des Capucines", "des Églantines",
    "des Bruyères", "des Genêts", "des Jacinthes", "des Pâquerettes", "des Marguerites", "des Alouettes",
    "des Mésanges", "des Hirondelles", "des Fauvettes", "des Rossignols", "des Pinsons", "des Bergeronnettes",
    "des Rouges-Gorges", "des Martinets", "des Loriots", "des Chardonnerets", "des Tourterelles", "des Verdiers",
    "des Roitelets", "des Bouvreuils", "des Ramiers", "des Sittelles", "du Clos Fleuri", "des Prés", "des Vergers",
    "des Jardins", "des Sources", "du Ruisseau", "des Coteaux", "des Vignes", "des Champs", "du Bocage",
    "des Sablons", "des Perrières", "du Val", "de la Prairie", "des Hauts Champs", "du Grand Pré",
    "des Terres Blanches", "des Longues Raies", "de la Garenne", "des Bosquets", "des Haies", "des Tailles",
    "du Chaumoy", "des Ouches", "des Closeaux", "des Noues",
]
# fmt: on
# fmt: off
NAMES_INDUSTRY = [
    "de l'Industrie", "des Artisans", "Ampère", "Denis Papin", "Gustave Eiffel", "Louis Blériot", "Nicéphore Niépce",
    "Édouard Branly", "Joseph Cugnot", "des Frères Lumière", "Lavoisier", "Fresnel", "Becquerel", "Gay-Lussac",
    "Coulomb", "Léon Foucault", "François Arago", "Marcel Paul", "Joseph Fourier", "Jacquard", "Clément Ader",
    "des Métiers", "de l'Énergie", "du Commerce", "des Entrepreneurs", "Volta", "Galilée", "Newton", "Blaise Pascal",
    "Henri Poincaré",
]
# fmt: on
# fmt: off
NAMES_ARTS = [
    "Claude Monet", "Auguste Renoir", "Paul Cézanne", "Edgar Degas", "Édouard Manet", "Gustave Courbet",
    "Camille Corot", "Eugène Delacroix", "Henri Matisse", "Paul Gauguin", "Camille Pissarro", "Alfred Sisley",
    "Berthe Morisot", "Georges Seurat", "Henri Rousseau", "Jean-François Millet", "Auguste Rodin", "Camille Claudel",
    "Hector Berlioz", "Claude Debussy", "Maurice Ravel", "Georges Bizet", "Charles Gounod", "Jules Massenet",
    "Gabriel Fauré", "Érik Satie", "Frédéric Chopin", "Jacques Offenbach", "Francis Poulenc", "Camille Saint-Saëns",
    "César Franck", "Édith Piaf", "Georges Brassens", "Jacques Brel", "Charles Trenet", "Jean Ferrat", "Barbara",
    "Léo Ferré", "Boris Vian", "Jean Cocteau", "Jean Gabin", "Louis Jouvet", "Sarah Bernhardt", "Jean Vilar",
    "Gérard Philipe", "Jacques Tati", "Marcel Carné", "Jean Renoir", "Louis Lumière", "Georges Méliès",
    "Jean de La Bruyère", "Clément Marot", "Pierre de Ronsard", "Joachim du Bellay", "François Villon",
    "Charles d'Orléans", "Max Jacob", "Paul Valéry", "Stéphane Mallarmé", "Guillaume Apollinaire",
]
# fmt: on
# fmt: off
NAMES_PLACES = [
    "de Bretagne", "de Normandie", "de Picardie", "de Lorraine", "d'Alsace", "de Bourgogne", "du Berry", "du Poitou",
    "de Touraine", "de l'Anjou", "du Limousin", "d'Auvergne", "de Provence", "de Savoie", "du Dauphiné",
    "de Gascogne", "du Languedoc", "du Périgord", "de Champagne", "du Nivernais", "de la Beauce", "du Gâtinais",
    "de la Sologne", "du Morvan", "de la Loire", "du Loiret", "du Loing", "de la Seine", "du Cher", "de l'Indre",
    "de la Vienne", "de l'Yonne", "de la Marne", "du Rhône", "de la Garonne", "de la Dordogne", "du 8 Mai 1945",
    "du 11 Novembre 1918", "du 14 Juillet", "du 19 Mars 1962", "du 18 Juin 1940", "du 4 Septembre", "de la Paix",
    "de la Fraternité", "de l'Égalité", "de la Liberté", "de l'Europe", "des Droits de l'Homme",
    "des Anciens Combattants", "de la Résistance", "des Déportés", "de Verdun", "de Stalingrad", "de Bir-Hakeim",
    "d'Orléans", "de Gien", "de Montargis", "de Pithiviers", "de Sully", "de Briare", "de Beaugency", "de Meung",
    "de Chartres", "de Blois", "de Tours", "de Bourges", "de Nevers", "d'Auxerre", "de Sens", "de Fontainebleau",
    "des Tanneries", "de la Tuilerie", "de la Briqueterie", "de la Filature", "du Moulin à Vent", "de la Scierie",
    "de la Verrerie", "de la Forge Neuve", "du Pressoir", "de la Laiterie", "du Four à Chaux", "de la Distillerie",
]
# fmt: on
# fmt: off
NAMES_VILLAGE = [
    "Grande Rue", "Rue de l'Église", "Rue du Lavoir", "Rue de la Mairie", "Rue des Écoles", "Chemin du Moulin",
    "Rue du Stade", "Impasse du Pressoir", "Rue de la Forge", "Rue des Vignes", "Rue de la Fontaine", "Rue du Puits",
    "Rue du Château d'Eau", "Chemin des Prés", "Rue de la Croix", "Rue du Four à Pain", "Rue des Jardins",
    "Allée des Tilleuls", "Rue de la Poste", "Chemin de la Mare", "Rue du Presbytère", "Rue des Vergers",
    "Impasse des Granges", "Rue du Calvaire",
]
# fmt: on


class NamePool:
    """Hands out street names without repeats inside a commune (one pool per commune)."""

    def __init__(self, r: random.Random, reserved=()):
        self.r = r
        self.used = set(reserved)
        self.pools = {}
        for key, names in (
            ("centre", NAMES_CENTRE), ("people", NAMES_PEOPLE), ("nature", NAMES_NATURE),
            ("industry", NAMES_INDUSTRY), ("village", NAMES_VILLAGE), ("arts", NAMES_ARTS), ("places", NAMES_PLACES),
        ):
            names = list(names)
            r.shuffle(names)
            self.pools[key] = names
        self.counter = 0

    def take(self, theme: str, kind: str = "Rue") -> str:
        fallbacks = {
            "centre": "places", "people": "arts", "arts": "places", "places": "nature", "nature": "arts",
            "industry": "people", "village": "nature",
        }
        seen = set()
        while theme not in seen:
            seen.add(theme)
            pool = self.pools[theme]
            while pool:
                particle = pool.pop()
                if particle not in self.used:
                    self.used.add(particle)
                    if theme == "village":
                        return particle if kind == "Rue" else kind + particle[particle.index(" ") :]
                    return f"{kind} {particle}"
            theme = fallbacks[theme]
        self.counter += 1
        return f"{kind} du Clos {self.counter}"


# The radial roads: control points (local metres), class, ref, then names in the centre, in town,
# in the villages they cross. They start at the town-hall square and run to the edge of the map.
RESERVED_NAMES = [
    "Nationale", "de Paris", "Gambetta", "de Montvallon", "du Château", "du Général de Gaulle", "du Pont",
    "des Tanneurs", "Jean Jaurès", "de la République", "Jean Moulin", "Voltaire", "de la Libération", "Carnot",
    "Victor Hugo", "Pasteur", "de la Gare", "du Moulin", "Sadi Carnot", "Rabelais", "Jules Ferry",
]
# fmt: on


def de_name(place: str) -> str:
    """French "of" before a place name: Les Grèves -> des Grèves, La Brosse -> de la Brosse."""
    for art, rep in (("Les ", "des "), ("La ", "de la "), ("Le ", "du "), ("L'", "de l'")):
        if place.startswith(art):
            return rep + place[len(art) :]
    return ("d'" if place[0] in "AEIOUÉÈÂ" else "de ") + place
