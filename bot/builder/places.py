"""Names of countries and world regions, as news writes them: where a list's label is a
place ("Portugal: The data watchdog …"), not a property of the article's subject. Data only."""

from __future__ import annotations

_WRITTEN = (  # one name per word, its spaces as "_"
    """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria
    Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia
    Bosnia Botswana Brazil Brunei Bulgaria Burkina_Faso Burundi Cambodia Cameroon Canada
    Chad Chile China Colombia Comoros Congo Costa_Rica Croatia Cuba Cyprus Czechia
    Czech_Republic Denmark Djibouti Dominica Dominican_Republic Ecuador Egypt El_Salvador
    Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana
    Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hong_Kong Hungary Iceland India
    Indonesia Iran Iraq Ireland Israel Italy Ivory_Coast Jamaica Japan Jordan Kazakhstan Kenya
    Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein
    Lithuania Luxembourg Macau Madagascar Malawi Malaysia Maldives Mali Malta Mauritania
    Mauritius Mexico Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia
    Nepal Netherlands New_Zealand Nicaragua Niger Nigeria North_Korea North_Macedonia Norway
    Oman Pakistan Palestine Panama Papua_New_Guinea Paraguay Peru Philippines Poland Portugal
    Qatar Romania Russia Rwanda Saudi_Arabia Senegal Serbia Seychelles Sierra_Leone Singapore
    Slovakia Slovenia Somalia South_Africa South_Korea South_Sudan Spain Sri_Lanka Sudan
    Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Trinidad
    Tunisia Turkey Turkmenistan Uganda Ukraine United_Arab_Emirates UAE United_Kingdom UK
    Britain United_States US USA Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia
    Zimbabwe Africa Asia Europe Latin_America North_America South_America Middle_East
    Southeast_Asia Oceania EU European_Union"""
)
PLACES = frozenset(name.replace("_", " ") for name in _WRITTEN.split())
