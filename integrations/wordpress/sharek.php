<?php
/**
 * Plugin Name:       Sharek
 * Description:       Public consultations from the national e-participation portal in posts and pages: shortcodes, blocks, and the Sharek elements allowed for authors.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Sharek
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       sharek
 *
 * What it does, in order below: the portal address (Settings → Sharek); the
 * elements' attributes, cleaned (shortcodes and blocks) or let through kses
 * (raw tags written by authors), never `api`; the script as a module on
 * WordPress 6.1 and later, the `<meta name="sharek-api">` and the host rules,
 * only on pages that show a Sharek element.
 */

defined( 'ABSPATH' ) || exit;

define( 'SHAREK_VERSION', '0.1.0' );
define( 'SHAREK_OPTION', 'sharek_api' );

/* ---------------------------------------------------------------------------
 * The elements and their attributes (elements.json)
 * ------------------------------------------------------------------------ */

/**
 * elements.json: for each element its shortcode, block, portal page and
 * attributes, and the calendars the `calendar` attribute takes.
 */
function sharek_spec(): array {
	static $spec = null;
	if ( null === $spec ) {
		$spec = json_decode( (string) file_get_contents( __DIR__ . '/elements.json' ), true );
	}
	return $spec;
}

/** The elements by tag name, e.g. `sharek-consultation`. */
function sharek_elements(): array {
	return sharek_spec()['elements'];
}

/** An attribute's name in a block: `href-template` is `hrefTemplate`. */
function sharek_block_attribute_name( string $name ): string {
	return lcfirst( str_replace( ' ', '', ucwords( str_replace( '-', ' ', $name ) ) ) );
}

/**
 * An attribute's value when it fits its type, else null (left out).
 *
 * @param array  $type  The attribute's entry in elements.json.
 * @param mixed  $value As given in a shortcode or a block.
 */
function sharek_clean_value( array $type, $value ): ?string {
	if ( ! is_scalar( $value ) ) {
		return null;
	}
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return null;
	}
	switch ( $type['type'] ) {
		case 'id':
			return preg_match( '/^[A-Za-z0-9_-]{1,64}$/', $value ) ? $value : null;
		case 'enum':
			return in_array( $value, $type['values'], true ) ? $value : null;
		case 'calendar':
			return in_array( $value, sharek_spec()['calendars'], true ) ? $value : null;
		case 'lang':
			// Arabic or English, with a region or Unicode extension if given (ar-JO, ar-u-nu-arab, en-GB):
			// the messages come from the language, dates and numbers from the whole tag.
			return preg_match( '/^(ar|en)(-[A-Za-z0-9]{1,8}){0,6}$/i', $value ) ? $value : null;
		case 'integer':
			if ( ! preg_match( '/^\d{1,4}$/', $value ) ) {
				return null;
			}
			$number = (int) $value;
			return ( $number >= $type['min'] && $number <= $type['max'] ) ? (string) $number : null;
		case 'url-template':
			// An http(s) or relative address in which `{id}` stands for the consultation: kept only
			// when kses would keep it whole, as an href (no other protocol, no space or quote).
			if ( preg_match( '/[\s<>"\'`\\\\]/', $value ) ) {
				return null;
			}
			return wp_kses_bad_protocol( $value, array( 'http', 'https' ) ) === $value ? $value : null;
	}
	return null;
}

/* ---------------------------------------------------------------------------
 * The portal's address (Settings → Sharek)
 * ------------------------------------------------------------------------ */

/** The portal's API address, e.g. `https://portal.example.jo/api`; '' until set. */
function sharek_api(): string {
	return (string) get_option( SHAREK_OPTION, '' );
}

/**
 * The portal's own site, where the fallback links point: the API address
 * without a trailing `/api`. The filter `sharek_portal_url` changes it for a
 * portal whose pages live elsewhere.
 */
function sharek_portal_url(): string {
	$api  = sharek_api();
	$base = '' === $api ? '' : preg_replace( '#/api$#', '', untrailingslashit( $api ) );
	return (string) apply_filters( 'sharek_portal_url', $base, $api );
}

/** Keeps an http or https address with a host (without a trailing slash); anything else is refused and the old value kept. */
function sharek_sanitize_api( $value ): string {
	$value = is_string( $value ) ? trim( $value ) : '';
	if ( '' === $value ) {
		return '';
	}
	$parts = wp_parse_url( $value );
	$clean = esc_url_raw( $value, array( 'http', 'https' ) );
	if ( ! is_array( $parts ) || empty( $parts['host'] ) || ! in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true )
		|| isset( $parts['user'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) || $clean !== $value ) {
		add_settings_error( SHAREK_OPTION, 'sharek-api-invalid', __( 'The portal address must be an http or https address, such as https://portal.example.jo/api.', 'sharek' ) );
		return sharek_api();
	}
	return untrailingslashit( $clean );
}

add_action(
	'admin_init',
	function () {
		register_setting(
			'sharek',
			SHAREK_OPTION,
			array(
				'type'              => 'string',
				'default'           => '',
				'sanitize_callback' => 'sharek_sanitize_api',
				'show_in_rest'      => false,
			)
		);
		add_settings_section( 'sharek-portal', __( 'Portal', 'sharek' ), '__return_null', 'sharek' );
		add_settings_field(
			SHAREK_OPTION,
			__( 'Portal API address', 'sharek' ),
			'sharek_api_field',
			'sharek',
			'sharek-portal',
			array( 'label_for' => SHAREK_OPTION )
		);
	}
);

add_action(
	'admin_menu',
	function () {
		add_options_page( __( 'Sharek', 'sharek' ), __( 'Sharek', 'sharek' ), 'manage_options', 'sharek', 'sharek_settings_page' );
	}
);

add_filter(
	'plugin_action_links_' . plugin_basename( __FILE__ ),
	function ( array $links ): array {
		array_unshift( $links, sprintf( '<a href="%s">%s</a>', esc_url( admin_url( 'options-general.php?page=sharek' ) ), esc_html__( 'Settings', 'sharek' ) ) );
		return $links;
	}
);

function sharek_api_field(): void {
	printf(
		'<input type="url" class="regular-text code" id="%1$s" name="%1$s" value="%2$s" placeholder="https://portal.example.jo/api" dir="ltr">',
		esc_attr( SHAREK_OPTION ),
		esc_attr( sharek_api() )
	);
	echo '<p class="description">';
	esc_html_e( 'The e-participation portal\'s API, given to every Sharek element on the page. Links for readers without JavaScript go to the portal\'s pages: this address without a trailing /api, then /consultations/{id}.', 'sharek' );
	echo '</p>';
}

function sharek_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<form action="options.php" method="post">';
	settings_fields( 'sharek' );
	do_settings_sections( 'sharek' );
	submit_button();
	echo '</form>';
	echo '<p>' . wp_kses_post(
		__( 'In a post or page: the blocks <strong>Sharek consultation</strong> and <strong>Sharek consultations</strong>, or the shortcodes <code>[sharek_consultation consultation="…"]</code> and <code>[sharek_consultations agency="…"]</code>.', 'sharek' )
	) . '</p></div>';
}

/* ---------------------------------------------------------------------------
 * Shortcodes and blocks: the element, its attributes cleaned, a fallback link inside
 * ------------------------------------------------------------------------ */

/**
 * The element's HTML: known attributes that fit their type, escaped; unknown
 * ones (and `api`) dropped; inside, a link to the portal's page, shown until
 * the element has rendered and to readers without JavaScript.
 *
 * @param string $tag   `sharek-consultation` or `sharek-consultations`.
 * @param array  $given Attribute values by the element's attribute names.
 * @param string $class Extra classes (a block's).
 */
function sharek_render( string $tag, array $given, string $class = '' ): string {
	$element = sharek_elements()[ $tag ];
	$values  = array();
	foreach ( $element['attributes'] as $name => $type ) {
		$value = array_key_exists( $name, $given ) ? sharek_clean_value( $type, $given[ $name ] ) : null;
		if ( null !== $value ) {
			$values[ $name ] = $value;
		} elseif ( ! empty( $type['required'] ) ) {
			/* translators: %s: an attribute name, e.g. consultation. */
			return current_user_can( 'edit_posts' ) ? '<!-- ' . esc_html( sprintf( __( 'Sharek: %s is missing or not valid', 'sharek' ), $name ) ) . ' -->' : '';
		}
	}
	sharek_enqueue();

	$attributes = '' === $class ? '' : sprintf( ' class="%s"', esc_attr( $class ) );
	foreach ( $values as $name => $value ) {
		$attributes .= sprintf( ' %s="%s"', $name, esc_attr( $value ) );
	}
	return sprintf( '<%1$s%2$s>%3$s</%1$s>', $tag, $attributes, sharek_fallback_link( $element, $values ) );
}

/** The link inside the element: the consultation's (or the portal's) page, in the element's language. */
function sharek_fallback_link( array $element, array $values ): string {
	$portal = sharek_portal_url();
	if ( '' === $portal ) {
		return '';
	}
	$lang  = strtolower( substr( $values['lang'] ?? get_locale(), 0, 2 ) ) === 'en' ? 'en' : 'ar';
	$id    = $values['consultation'] ?? '';
	$url   = $portal . str_replace( '{id}', rawurlencode( $id ), $element['portalPage'] );
	$texts = array(
		'ar' => '' === $id ? 'الاستشارات العامة على بوابة المشاركة الإلكترونية' : 'شارك في هذه الاستشارة على بوابة المشاركة الإلكترونية',
		'en' => '' === $id ? 'Public consultations on the e-participation portal' : 'Take part in this consultation on the e-participation portal',
	);
	return sprintf(
		'<a href="%s" lang="%s" dir="%s">%s</a>',
		esc_url( $url ),
		esc_attr( $lang ),
		'ar' === $lang ? 'rtl' : 'ltr',
		esc_html( $texts[ $lang ] )
	);
}

/** A block's attributes by the element's attribute names. */
function sharek_from_block( array $element, array $block_attributes ): array {
	$given = array();
	foreach ( array_keys( $element['attributes'] ) as $name ) {
		$key = sharek_block_attribute_name( $name );
		if ( isset( $block_attributes[ $key ] ) ) {
			$given[ $name ] = $block_attributes[ $key ];
		}
	}
	return $given;
}

/** The block attributes' schema, from elements.json. */
function sharek_block_attributes( array $element ): array {
	$schema = array();
	foreach ( $element['attributes'] as $name => $type ) {
		$key = sharek_block_attribute_name( $name );
		if ( 'integer' === $type['type'] ) {
			$schema[ $key ] = array(
				'type'    => 'integer',
				'minimum' => $type['min'],
				'maximum' => $type['max'],
			);
		} elseif ( 'enum' === $type['type'] || 'calendar' === $type['type'] ) {
			$schema[ $key ] = array(
				'type' => 'string',
				'enum' => 'enum' === $type['type'] ? $type['values'] : sharek_spec()['calendars'],
			);
		} else {
			$schema[ $key ] = array( 'type' => 'string' );
		}
	}
	return $schema;
}

add_action(
	'init',
	function () {
		$blocks = array();
		foreach ( sharek_elements() as $tag => $element ) {
			add_shortcode(
				$element['shortcode'],
				function ( $atts ) use ( $tag ) {
					return sharek_render( $tag, is_array( $atts ) ? $atts : array() );
				}
			);

			$is_list   = 'sharek-consultations' === $tag;
			$title     = $is_list ? __( 'Sharek consultations', 'sharek' ) : __( 'Sharek consultation', 'sharek' );
			$css_class = 'wp-block-' . str_replace( '/', '-', $element['block'] );
			register_block_type(
				$element['block'],
				array(
					'api_version'     => 2,
					'title'           => $title,
					'description'     => $is_list
						? __( 'An agency\'s consultations from the e-participation portal, each linking to its page.', 'sharek' )
						: __( 'A consultation from the e-participation portal: the draft, its polls, the comment form and the comments.', 'sharek' ),
					'category'        => 'embed',
					'icon'            => $is_list ? 'list-view' : 'megaphone',
					'keywords'        => array( 'sharek', 'consultation', 'شارك', 'استشارة' ),
					'attributes'      => sharek_block_attributes( $element ),
					'supports'        => array( 'html' => false ),
					'editor_script'   => 'sharek-blocks',
					'render_callback' => function ( $attributes ) use ( $tag, $element, $css_class ) {
						return sharek_render( $tag, sharek_from_block( $element, (array) $attributes ), $css_class );
					},
				)
			);
			$blocks[ $element['block'] ] = array(
				'title'      => $title,
				'tag'        => $tag,
				'icon'       => $is_list ? 'list-view' : 'megaphone',
				'attributes' => sharek_block_attributes( $element ),
				'names'      => array_combine(
					array_map( 'sharek_block_attribute_name', array_keys( $element['attributes'] ) ),
					array_keys( $element['attributes'] )
				),
				'required'   => array_values(
					array_map(
						'sharek_block_attribute_name',
						array_keys( array_filter( $element['attributes'], fn( $type ) => ! empty( $type['required'] ) ) )
					)
				),
			);
		}

		// The editor's script: plain JavaScript on the wp.* globals, no build step.
		wp_register_script(
			'sharek-blocks',
			plugins_url( 'blocks.js', __FILE__ ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render', 'wp-i18n' ),
			SHAREK_VERSION,
			true
		);
		wp_add_inline_script( 'sharek-blocks', 'window.sharekBlocks = ' . wp_json_encode( $blocks ) . ';', 'before' );
		wp_set_script_translations( 'sharek-blocks', 'sharek' );

		// The page's assets, enqueued only where a Sharek element is (sharek_enqueue).
		$script = plugins_url( 'dist/sharek.js', __FILE__ );
		if ( function_exists( 'wp_register_script_module' ) ) {
			wp_register_script_module( 'sharek', $script, array(), sharek_script_version() );
		} else {
			wp_register_script( 'sharek', $script, array(), sharek_script_version(), false );
		}
		wp_register_style( 'sharek-host', plugins_url( 'host.css', __FILE__ ), array(), SHAREK_VERSION );
	}
);

/* ---------------------------------------------------------------------------
 * Raw tags in post content: allowed through kses for those without unfiltered_html
 * ------------------------------------------------------------------------ */

/*
 * Authors (and editors without unfiltered_html) may write the elements with
 * their attributes, but never `api`: the portal a form sends to is the site's
 * setting, not an author's choice.
 */
add_filter(
	'wp_kses_allowed_html',
	function ( $tags, $context ) {
		if ( 'post' !== $context || ! is_array( $tags ) ) {
			return $tags;
		}
		foreach ( sharek_elements() as $tag => $element ) {
			$allowed = array(
				'class' => true,
				'id'    => true,
			);
			foreach ( array_keys( $element['attributes'] ) as $name ) {
				$allowed[ $name ] = true;
			}
			$tags[ $tag ] = $allowed;
		}
		return $tags;
	},
	10,
	2
);

// `href-template` is an address: kses checks its protocol like an href's.
add_filter(
	'wp_kses_uri_attributes',
	function ( $attributes ) {
		$attributes[] = 'href-template';
		return $attributes;
	}
);

/* ---------------------------------------------------------------------------
 * The script, the <meta> and the host rules, only where they are used
 * ------------------------------------------------------------------------ */

/** The script's version for caches: its content hash, written by the build (dist/sharek.asset.php). */
function sharek_script_version(): string {
	$asset = __DIR__ . '/dist/sharek.asset.php';
	if ( is_readable( $asset ) ) {
		$data = include $asset;
		if ( is_array( $data ) && ! empty( $data['version'] ) ) {
			return (string) $data['version'];
		}
	}
	return SHAREK_VERSION;
}

/** Whether content shows a Sharek element: a shortcode, a block or a raw tag. */
function sharek_content_uses( $content ): bool {
	if ( ! is_string( $content ) || '' === $content ) {
		return false;
	}
	if ( false !== stripos( $content, '<sharek-' ) || false !== strpos( $content, '<!-- wp:sharek/' ) ) {
		return true;
	}
	foreach ( sharek_elements() as $element ) {
		if ( has_shortcode( $content, $element['shortcode'] ) ) {
			return true;
		}
	}
	return false;
}

/** Enqueues the script (as a module), the host rules and the <meta>, once. */
function sharek_enqueue(): void {
	static $done = false;
	if ( $done || ! did_action( 'init' ) ) {
		return;
	}
	$done = true;
	wp_enqueue_style( 'sharek-host' );
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'sharek' );
	} else {
		wp_enqueue_script( 'sharek' );
	}
	// Found only while the body is rendered (a classic theme's widget): the <meta> goes before the footer's scripts.
	if ( did_action( 'wp_head' ) ) {
		add_action( 'wp_footer', 'sharek_print_meta', 1 );
	}
}

// Before the head is printed: the posts on this page (a block theme has already rendered its template and blocks).
add_action(
	'wp_enqueue_scripts',
	function () {
		global $wp_query;
		foreach ( ( $wp_query instanceof WP_Query ? $wp_query->posts : array() ) as $post ) {
			if ( $post instanceof WP_Post && sharek_content_uses( $post->post_content ) ) {
				sharek_enqueue();
				return;
			}
		}
	}
);

// Raw tags in content rendered later (widgets, other loops).
foreach ( array( 'the_content', 'widget_text_content', 'widget_block_content' ) as $sharek_filter ) {
	add_filter(
		$sharek_filter,
		function ( $content ) {
			if ( is_string( $content ) && false !== stripos( $content, '<sharek-' ) ) {
				sharek_enqueue();
			}
			return $content;
		},
		99
	);
}

/** `<meta name="sharek-api">`, once per page, where a Sharek element is. */
function sharek_print_meta(): void {
	static $printed = false;
	if ( $printed || ! wp_style_is( 'sharek-host', 'enqueued' ) || '' === sharek_api() ) {
		return;
	}
	$printed = true;
	printf( "<meta name=\"sharek-api\" content=\"%s\">\n", esc_attr( sharek_api() ) );
}
add_action( 'wp_head', 'sharek_print_meta', 2 );

// Before WordPress 6.5 there are no script modules: the script is a classic one with type="module".
add_filter(
	'script_loader_tag',
	function ( $tag, $handle ) {
		if ( 'sharek' !== $handle || ! is_string( $tag ) ) {
			return $tag;
		}
		$tag = preg_replace( '/(<script\b[^>]*?)\stype=(["\'])[^"\']*\2/', '$1', $tag, 1 );
		return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
	},
	10,
	2
);
