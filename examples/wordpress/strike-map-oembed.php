<?php
/**
 * Plugin Name: strike-map oEmbed
 * Description: Lets editors paste a strike-map embed URL on its own line; WordPress shows the map. Trusted provider: no sandbox, embed.js included.
 * Version: 0.1.0
 * License: MIT
 *
 * Change STRIKE_MAP_EMBED to the public URL of your embed folder (dist/embed/ or dist/lib/embed/),
 * the same value as STRIKE_MAP_EMBED_URL at build time. The endpoint is a static file, so every URL
 * under the folder gets the default view; views written by `npm run oembed` are listed in $views.
 */
defined( 'ABSPATH' ) || exit;

const STRIKE_MAP_EMBED = 'https://maps.example.org/embed/';

add_action( 'init', function () {
	// View query (as pasted) => its oEmbed file, from `npm run oembed -- --site … --day …`.
	$views = array(
		// '?site=strike_ir_kohisabz_20240116&day=2024-01-16' => 'oembed.site-strike_ir_kohisabz_20240116.day-2024-01-16.json',
	);
	foreach ( $views as $query => $file ) {
		wp_oembed_add_provider( '#^' . preg_quote( STRIKE_MAP_EMBED . $query, '#' ) . '$#i', STRIKE_MAP_EMBED . $file, true );
	}
	// Any other URL of the folder (the bare folder too): the default view.
	wp_oembed_add_provider( '#^' . preg_quote( STRIKE_MAP_EMBED, '#' ) . '#i', STRIKE_MAP_EMBED . 'oembed.json', true );
} );
